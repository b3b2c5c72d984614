import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { cursorQuery, limitQuery } from '../../../platform/shared/cursor.ts'
import { problemResponses } from '../../problem.ts'
import { digestDeliverySchema, digestInputSchema, digestPatchSchema, digestSchema } from '../../../insight/digest/dto.ts'
import type { DigestService } from '../../../insight/digest/service.ts'

const params = z.object({ id: z.string().max(64).describe('Digest subscription id') })
const digestPage = z.object({ items: z.array(digestSchema), nextCursor: z.string().nullable() }).meta({ id: 'DigestSubscriptionPage', example: { items: [], nextCursor: null } })
const deliveryPage = z.object({ items: z.array(digestDeliverySchema), nextCursor: z.string().nullable() }).meta({ id: 'DigestDeliveryPage', example: { items: [], nextCursor: null } })
const tags = ['digests']

export const digestRoutes: FastifyPluginAsyncZod<{ digests: DigestService }> = async (app, { digests }) => {
  app.get('/digests', {
    config: { scope: 'read' },
    schema: {
      operationId: 'listDigestSubscriptions', tags, summary: 'List the workspace\'s weekly digest subscriptions',
      querystring: z.strictObject({ limit: limitQuery(100, 50), cursor: cursorQuery, topicId: z.uuid().optional().describe('Only this topic\'s subscriptions') }),
      response: { 200: digestPage, ...problemResponses(400, 401, 403, 429, 503) },
    },
  }, (req) => digests.list(req.auth.workspaceId, req.query.limit, req.query.cursor, req.query.topicId))

  app.post('/digests', {
    config: { scope: 'write' },
    schema: {
      operationId: 'createDigestSubscription', tags, summary: 'Subscribe recipients to a topic\'s weekly digest',
      description: 'One email per subscription and ISO week, at `hour` on `weekday` in `timeZone`, covering the seven days before.',
      body: digestInputSchema,
      response: { 201: digestSchema, ...problemResponses(400, 401, 403, 404, 413, 415, 429, 503) },
    },
  }, async (req, reply) => reply.status(201).send(await digests.create(req.auth.workspaceId, req.body)))

  app.get('/digests/:id', {
    config: { scope: 'read' },
    schema: { operationId: 'getDigestSubscription', tags, summary: 'Get a digest subscription, its next send and refused addresses', params, response: { 200: digestSchema, ...problemResponses(401, 403, 404, 429, 503) } },
  }, (req) => digests.get(req.auth.workspaceId, req.params.id))

  app.patch('/digests/:id', {
    config: { scope: 'write' },
    schema: {
      operationId: 'updateDigestSubscription', tags, summary: 'Change a digest subscription',
      params, body: digestPatchSchema,
      response: { 200: digestSchema, ...problemResponses(400, 401, 403, 404, 413, 415, 429, 503) },
    },
  }, (req) => digests.update(req.auth.workspaceId, req.params.id, req.body))

  app.delete('/digests/:id', {
    config: { scope: 'write' },
    schema: { operationId: 'deleteDigestSubscription', tags, summary: 'Stop a digest', params, response: { 204: z.null().describe('Deleted'), ...problemResponses(401, 403, 404, 429, 503) } },
  }, async (req, reply) => {
    await digests.remove(req.auth.workspaceId, req.params.id)
    return reply.status(204).send(null)
  })

  app.get('/digests/:id/deliveries', {
    config: { scope: 'read' },
    schema: {
      operationId: 'listDigestDeliveries', tags, summary: 'Emails sent (or attempted) for a subscription, newest first',
      params, querystring: z.strictObject({ limit: limitQuery(100, 20), cursor: cursorQuery }),
      response: { 200: deliveryPage, ...problemResponses(400, 401, 403, 404, 429, 503) },
    },
  }, (req) => digests.deliveries(req.auth.workspaceId, req.params.id, req.query.limit, req.query.cursor))

  app.get('/digests/:id/preview', {
    config: { scope: 'read' },
    schema: {
      operationId: 'previewDigest', tags, summary: 'The email the next digest would carry, rendered now',
      description: 'The HTML part (default) or, with `?part=text`, the plain-text part, for the seven days up to now.',
      params, querystring: z.strictObject({ part: z.enum(['html', 'text']).default('html') }),
      produces: ['text/html', 'text/plain'],
      response: {
        200: z.string().describe('The rendered part (text/html or text/plain).').meta({ example: '<!DOCTYPE html>\n<html lang="fr">…</html>' }),
        ...problemResponses(400, 401, 403, 404, 429, 503),
      },
    },
  }, async (req, reply) => {
    const rendered = await digests.preview(req.auth.workspaceId, req.params.id, `${req.protocol}://${req.host}`)
    return reply
      .type(req.query.part === 'text' ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8')
      .header('content-security-policy', 'default-src \'none\'; style-src \'unsafe-inline\'')
      .serializer((payload: unknown) => String(payload))
      .send(req.query.part === 'text' ? rendered.text : rendered.html)
  })
}
