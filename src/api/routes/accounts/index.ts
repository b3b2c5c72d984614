import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemResponses } from '../../problem.ts'
import { accountDetailSchema } from '../../../insight/accounts/dto.ts'
import type { AccountService } from '../../../insight/accounts/service.ts'

export const accountRoutes: FastifyPluginAsyncZod<{ accounts: AccountService }> = async (app, { accounts }) => {
  app.get('/accounts/:id', {
    config: { scope: 'read' },
    schema: {
      operationId: 'getAccount', tags: ['accounts'], summary: 'An account: profile, scores per topic with their history, recent on-topic posts',
      params: z.object({ id: z.string().max(32).describe('Relais account id (from a ranked list)') }),
      response: { 200: accountDetailSchema, ...problemResponses(401, 403, 404, 429, 503) },
    },
  }, (req) => accounts.get(req.auth.workspaceId, req.params.id))
}
