import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { problemResponses } from '../../problem.ts'
import { checkQuery, queryCheckInputSchema, queryCheckSchema } from '../../../tenancy/topics/query-check.ts'

/** The web app checks a topic query as it is typed; nothing is stored and no network is called. */
export const topicCheckRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/topics/check', {
    config: { scope: 'read' },
    schema: {
      operationId: 'checkTopicQuery', tags: ['topics'], summary: 'Check a topic query and see what each network will be asked',
      description: 'A query with a mistake answers 200 with `valid: false` and where the mistake is; saving it would answer 400.',
      body: queryCheckInputSchema,
      response: { 200: queryCheckSchema, ...problemResponses(400, 401, 403, 413, 415, 429, 503) },
    },
  }, (req) => checkQuery(req.body.query, req.body.networks))
}
