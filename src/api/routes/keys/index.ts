import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemResponses } from '../../problem.ts'
import { notFound } from '../../../platform/shared/errors.ts'
import { apiKeyInputSchema, apiKeyPageSchema, createdApiKeySchema, type KeyAdmin } from '../../../tenancy/workspaces/key-admin.ts'

const tags = ['keys']
const params = z.object({ id: z.string().max(64).describe('Key id') })

/** API keys of the workspace (admin): list, create (the key is shown once), revoke. */
export const keyRoutes: FastifyPluginAsyncZod<{ keys: KeyAdmin }> = async (app, { keys }) => {
  app.get('/keys', {
    config: { scope: 'admin' },
    schema: { operationId: 'listApiKeys', tags, summary: 'The workspace\'s API keys (admin)', response: { 200: apiKeyPageSchema, ...problemResponses(401, 403, 429, 503) } },
  }, async (req) => ({ items: await keys.list(req.auth.workspaceId) }))

  app.post('/keys', {
    config: { scope: 'admin' },
    schema: { operationId: 'createApiKey', tags, summary: 'Create an API key (admin); the key is in this answer only', body: apiKeyInputSchema, response: { 201: createdApiKeySchema, ...problemResponses(400, 401, 403, 413, 415, 429, 503) } },
  }, async (req, reply) => reply.status(201).send(await keys.create(req.auth.workspaceId, req.body.name, req.body.scopes)))

  app.delete('/keys/:id', {
    config: { scope: 'admin' },
    schema: { operationId: 'revokeApiKey', tags, summary: 'Revoke an API key (admin)', params, response: { 204: z.null(), ...problemResponses(401, 403, 404, 429, 503) } },
  }, async (req, reply) => {
    if (!(await keys.revoke(req.auth.workspaceId, req.params.id))) throw notFound('The active API key')
    return reply.status(204).send(null)
  })
}
