import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { problemResponses } from '../../problem.ts'
import { workspaceSettingsPatchSchema, workspaceSettingsSchema } from '../../../tenancy/webhooks/dto.ts'
import type { WebhookService } from '../../../tenancy/webhooks/service.ts'

const tags = ['workspace']

/** The workspace's settings. Private webhook targets are the operator's to allow (ALLOW_PRIVATE_ADDRESSES), so PATCH refuses them. */
export const workspaceSettingsRoutes: FastifyPluginAsyncZod<{ webhooks: WebhookService }> = async (app, { webhooks }) => {
  app.get('/workspace/settings', {
    config: { scope: 'read' },
    schema: { operationId: 'getWorkspaceSettings', tags, summary: 'The workspace\'s settings', response: { 200: workspaceSettingsSchema, ...problemResponses(401, 403, 429, 503) } },
  }, () => webhooks.settings())

  app.patch('/workspace/settings', {
    config: { scope: 'admin' },
    schema: {
      operationId: 'updateWorkspaceSettings', tags, summary: 'Change the workspace\'s settings (admin)',
      body: workspaceSettingsPatchSchema,
      response: { 200: workspaceSettingsSchema, ...problemResponses(400, 401, 403, 413, 415, 429, 503) },
    },
  }, (req) => webhooks.updateSettings(req.body))
}
