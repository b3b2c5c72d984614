import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { cursorQuery, limitQuery } from '../../../platform/shared/cursor.ts'
import { problemResponses } from '../../problem.ts'
import { topicInputSchema, topicPatchSchema, topicSchema } from '../../../tenancy/topics/dto.ts'
import type { TopicService } from '../../../tenancy/topics/service.ts'

const params = z.object({ id: z.string().max(64).describe('Topic id') })
const topicPage = z.object({ items: z.array(topicSchema), nextCursor: z.string().nullable() }).meta({ id: 'TopicPage', example: { items: [], nextCursor: null } })
const tags = ['topics']

export const topicRoutes: FastifyPluginAsyncZod<{ topics: TopicService }> = async (app, { topics }) => {
  app.get('/topics', {
    config: { scope: 'read' },
    schema: {
      operationId: 'listTopics', tags, summary: 'List the workspace\'s topics',
      querystring: z.strictObject({ limit: limitQuery(100, 50), cursor: cursorQuery }),
      response: { 200: topicPage, ...problemResponses(400, 401, 403, 429, 503) },
    },
  }, (req) => topics.list(req.auth.workspaceId, req.query.limit, req.query.cursor))

  app.post('/topics', {
    config: { scope: 'write' },
    schema: {
      operationId: 'createTopic', tags, summary: 'Create a topic',
      body: topicInputSchema,
      response: { 201: topicSchema, ...problemResponses(400, 401, 403, 409, 413, 415, 429, 503) },
    },
  }, async (req, reply) => reply.status(201).send(await topics.create(req.auth.workspaceId, req.body)))

  app.get('/topics/:id', {
    config: { scope: 'read' },
    schema: { operationId: 'getTopic', tags, summary: 'Get a topic', params, response: { 200: topicSchema, ...problemResponses(401, 403, 404, 429, 503) } },
  }, (req) => topics.get(req.auth.workspaceId, req.params.id))

  app.patch('/topics/:id', {
    config: { scope: 'write' },
    schema: {
      operationId: 'updateTopic', tags, summary: 'Change a topic',
      params, body: topicPatchSchema,
      response: { 200: topicSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 429, 503) },
    },
  }, (req) => topics.update(req.auth.workspaceId, req.params.id, req.body))

  app.delete('/topics/:id', {
    config: { scope: 'write' },
    schema: { operationId: 'deleteTopic', tags, summary: 'Delete a topic and what was collected for it only', params, response: { 204: z.null().describe('Deleted'), ...problemResponses(401, 403, 404, 429, 503) } },
  }, async (req, reply) => {
    await topics.remove(req.auth.workspaceId, req.params.id)
    return reply.status(204).send(null)
  })
}
