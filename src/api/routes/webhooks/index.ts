import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { cursorQuery, limitQuery } from '../../../platform/shared/cursor.ts'
import { problemResponses } from '../../problem.ts'
import { createdWebhookSchema, webhookDeliverySchema, webhookInputSchema, webhookPatchSchema, webhookSchema } from '../../../tenancy/webhooks/dto.ts'
import type { WebhookService } from '../../../tenancy/webhooks/service.ts'
import { workspaceSettingsRoutes } from './workspace-settings.ts'

const params = z.object({ id: z.string().max(64).describe('Webhook id') })
const webhookPage = z.object({ items: z.array(webhookSchema), nextCursor: z.string().nullable() }).meta({ id: 'WebhookPage', example: { items: [], nextCursor: null } })
const deliveryPage = z.object({ items: z.array(webhookDeliverySchema), nextCursor: z.string().nullable() }).meta({ id: 'WebhookDeliveryPage', example: { items: [], nextCursor: null } })
const tags = ['webhooks']
const SIGNING = 'Each delivery is a JSON POST signed in the `Relais-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the webhook secret>`. ' +
  'Check the HMAC and that t is recent; `Relais-Event` names the event and the body\'s `id` identifies it (a retry repeats it). ' +
  'A non-2xx answer is retried with backoff for about a day. URLs resolving to private, loopback or link-local addresses are refused, at registration and at each delivery, unless the workspace admin allows them.'

export const webhookRoutes: FastifyPluginAsyncZod<{ webhooks: WebhookService }> = async (app, { webhooks }) => {
  await app.register(workspaceSettingsRoutes, { webhooks })

  app.get('/webhooks', {
    config: { scope: 'read' },
    schema: {
      operationId: 'listWebhooks', tags, summary: 'List the workspace\'s webhooks',
      querystring: z.strictObject({ limit: limitQuery(100, 50), cursor: cursorQuery }),
      response: { 200: webhookPage, ...problemResponses(400, 401, 403, 429, 503) },
    },
  }, (req) => webhooks.list(req.auth.workspaceId, req.query.limit, req.query.cursor))

  app.post('/webhooks', {
    config: { scope: 'admin' },
    schema: {
      operationId: 'createWebhook', tags, summary: 'Register a webhook (the answer carries its secret, once)', description: SIGNING,
      body: webhookInputSchema,
      response: { 201: createdWebhookSchema, ...problemResponses(400, 401, 403, 413, 415, 422, 429, 503) },
    },
  }, async (req, reply) => reply.status(201).send(await webhooks.create(req.auth.workspaceId, req.body)))

  app.get('/webhooks/:id', {
    config: { scope: 'read' },
    schema: { operationId: 'getWebhook', tags, summary: 'Get a webhook (never its secret)', params, response: { 200: webhookSchema, ...problemResponses(401, 403, 404, 429, 503) } },
  }, (req) => webhooks.get(req.auth.workspaceId, req.params.id))

  app.patch('/webhooks/:id', {
    config: { scope: 'admin' },
    schema: {
      operationId: 'updateWebhook', tags, summary: 'Change a webhook\'s URL, events or state',
      params, body: webhookPatchSchema,
      response: { 200: webhookSchema, ...problemResponses(400, 401, 403, 404, 413, 415, 422, 429, 503) },
    },
  }, (req) => webhooks.update(req.auth.workspaceId, req.params.id, req.body))

  app.delete('/webhooks/:id', {
    config: { scope: 'admin' },
    schema: { operationId: 'deleteWebhook', tags, summary: 'Delete a webhook and its delivery log', params, response: { 204: z.null().describe('Deleted'), ...problemResponses(401, 403, 404, 429, 503) } },
  }, async (req, reply) => {
    await webhooks.remove(req.auth.workspaceId, req.params.id)
    return reply.status(204).send(null)
  })

  app.get('/webhooks/:id/deliveries', {
    config: { scope: 'read' },
    schema: {
      operationId: 'listWebhookDeliveries', tags, summary: 'A webhook\'s delivery log, newest first',
      params, querystring: z.strictObject({ limit: limitQuery(100, 50), cursor: cursorQuery }),
      response: { 200: deliveryPage, ...problemResponses(400, 401, 403, 404, 429, 503) },
    },
  }, (req) => webhooks.deliveries(req.auth.workspaceId, req.params.id, req.query.limit, req.query.cursor))
}
