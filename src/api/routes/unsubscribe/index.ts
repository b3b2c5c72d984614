import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { DB } from '../../../platform/db/schema.ts'
import { problemResponses } from '../../problem.ts'
import { unsubscribe } from '../../../insight/digest/unsubscribe.ts'

const tags = ['digests']
const params = z.object({ token: z.string().max(64).describe('The secret of the recipient\'s unsubscribe link') })
const unsubscribedSchema = z.object({
  address: z.string().describe('The address that will no longer receive the digest.'),
  topicName: z.string(),
  changed: z.boolean().describe('false when the address had already left.'),
}).meta({ id: 'Unsubscribed', example: { address: 'com@velocite.example', topicName: 'Vélo en ville', changed: true } })

/**
 * One-click unsubscribe (RFC 8058): public, authenticated by the link's secret alone (a mail
 * client sends no cookie and no key), throttled per address. Whatever body comes with the POST
 * (`List-Unsubscribe=One-Click`, form-encoded or multipart) is read and ignored.
 */
export const unsubscribeRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 4096 }, (_req, _body, done) => done(null, undefined))

  app.post('/unsubscribe/:token', {
    config: { rateLimit: { max: 10, timeWindow: 60_000 } },
    schema: {
      operationId: 'unsubscribeFromDigest', tags, summary: 'Take one recipient off a digest (the link in the email and its List-Unsubscribe header)',
      params, response: { 200: unsubscribedSchema, ...problemResponses(400, 404, 413, 429, 503) },
    },
  }, (req) => unsubscribe(db, req.params.token))

  // A mail client that opens the header's URL instead of posting to it gets the page with the button.
  app.get('/unsubscribe/:token', {
    config: { rateLimit: { max: 10, timeWindow: 60_000 } },
    schema: { operationId: 'openUnsubscribePage', tags, summary: 'The unsubscribe page of the web app (a GET never unsubscribes)', params, response: { 303: z.null(), ...problemResponses(400, 429) } },
  }, async (req, reply) => {
    await reply.redirect(`/unsubscribe#${encodeURIComponent(req.params.token)}`, 303)
  })
}
