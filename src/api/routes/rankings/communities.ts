import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { DB } from '../../../platform/db/schema.ts'
import { communityListSchema, topicCommunities } from '../../../insight/rankings/communities.ts'
import { problemResponses } from '../../problem.ts'

export const communityRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get('/topics/:id/communities', {
    config: { scope: 'read' },
    schema: {
      operationId: 'listCommunities', tags: ['rankings'], summary: 'The communities of the topic graph, named, with their size and top members',
      description: 'From the latest scoring. Communities are found where ties exist (follows and interactions); networks share no follows, so a community lies within one network unless one person\'s two accounts are linked.',
      params: z.object({ id: z.string().max(64) }),
      response: { 200: communityListSchema, ...problemResponses(400, 401, 403, 404, 429, 503) },
    },
  }, async (req) => topicCommunities(db, req.auth.workspaceId, req.params.id))
}
