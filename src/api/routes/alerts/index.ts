import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { cursorQuery, limitQuery } from '../../../platform/shared/cursor.ts'
import { problemResponses } from '../../problem.ts'
import { ALERT_KINDS } from '../../../platform/db/tables/alerts.ts'
import { alertSchema } from '../../../insight/alerts/dto.ts'
import { alertSettingsSchema } from '../../../insight/alerts/settings.ts'
import type { AlertService } from '../../../insight/alerts/service.ts'

const params = z.object({ id: z.string().max(64).describe('Topic id') })
const alertPage = z.object({ items: z.array(alertSchema), nextCursor: z.string().nullable() }).meta({ id: 'AlertPage', example: { items: [], nextCursor: null } })
const tags = ['alerts']

export const alertRoutes: FastifyPluginAsyncZod<{ alerts: AlertService }> = async (app, { alerts }) => {
  app.get('/topics/:id/alerts', {
    config: { scope: 'read' },
    schema: {
      operationId: 'listAlerts', tags, summary: 'Spike alerts of a topic, newest hour first',
      description: 'Hours whose volume or negative share went above the rolling baseline (mean + k·σ); also pushed to webhooks listening for alert.created.',
      params,
      querystring: z.strictObject({
        limit: limitQuery(200, 50), cursor: cursorQuery,
        network: z.string().max(32).optional().describe('Only this network'),
        kind: z.enum(ALERT_KINDS).optional().describe('Only this kind'),
      }),
      response: { 200: alertPage, ...problemResponses(400, 401, 403, 404, 429, 503) },
    },
  }, (req) => alerts.list(req.auth.workspaceId, req.params.id, {
    limit: req.query.limit,
    ...(req.query.cursor !== undefined && { cursor: req.query.cursor }),
    ...(req.query.network !== undefined && { network: req.query.network }),
    ...(req.query.kind !== undefined && { kind: req.query.kind }),
  }))

  app.get('/topics/:id/alert-settings', {
    config: { scope: 'read' },
    schema: { operationId: 'getAlertSettings', tags, summary: 'How spikes are detected for a topic', params, response: { 200: alertSettingsSchema, ...problemResponses(401, 403, 404, 429, 503) } },
  }, (req) => alerts.settings(req.auth.workspaceId, req.params.id))

  app.put('/topics/:id/alert-settings', {
    config: { scope: 'write' },
    schema: {
      operationId: 'setAlertSettings', tags, summary: 'Set how spikes are detected for a topic',
      params, body: alertSettingsSchema,
      response: { 200: alertSettingsSchema, ...problemResponses(400, 401, 403, 404, 413, 415, 429, 503) },
    },
  }, (req) => alerts.saveSettings(req.auth.workspaceId, req.params.id, req.body))
}
