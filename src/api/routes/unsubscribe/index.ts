import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { DB } from '../../../platform/db/schema.ts'
import { problemResponses } from '../../problem.ts'
import { unsubscribe } from '../../../insight/digest/unsubscribe.ts'

const tags = ['digests']
const params = z.object({ token: z.string().max(64).describe('The secret of the recipient\'s unsubscribe link') })
const oneClickBody = z.object({ 'List-Unsubscribe': z.string().max(20).optional() })
  .meta({ id: 'OneClickUnsubscribe', example: { 'List-Unsubscribe': 'One-Click' } })
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
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 4096 }, (_req, _body, done) => done(null, {}))

  app.post('/unsubscribe/:token', {
    config: { rateLimit: { max: 10, timeWindow: 60_000 } },
    schema: {
      operationId: 'unsubscribeFromDigest', tags, summary: 'Take one recipient off a digest (the link in the email and its List-Unsubscribe header)',
      description: 'No key and no cookie: the secret in the path is the authentication. Any body is accepted and ignored (RFC 8058 mail clients send `List-Unsubscribe=One-Click`, form-encoded or multipart).',
      params, body: oneClickBody,
      response: { 200: unsubscribedSchema, ...problemResponses(400, 401, 403, 404, 413, 429, 503) },
    },
  }, (req) => unsubscribe(db, req.params.token))
}
