import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemResponses } from '../../problem.ts'
import type { JobRunService } from '../../../tenancy/job-runs/service.ts'
import { jobRunSchema } from '../../../tenancy/job-runs/job-run-dto.ts'
import { jobSchema } from './schemas.ts'

const tags = ['jobs']

export const jobRoutes: FastifyPluginAsyncZod<{ jobRuns: JobRunService }> = async (app, { jobRuns }) => {
  app.get('/jobs', {
    config: { scope: 'read' },
    schema: {
      operationId: 'listJobs', tags, summary: 'Jobs, their schedule, next fire and this workspace\'s last runs',
      querystring: z.strictObject({ runs: z.coerce.number().int().min(1).max(50).default(5).describe('Runs shown per job') }),
      response: { 200: z.object({ items: z.array(jobSchema) }).meta({ id: 'JobList', example: { items: [] } }), ...problemResponses(400, 401, 403, 429, 503) },
    },
  }, async (req) => ({ items: await jobRuns.list(req.auth.workspaceId, req.query.runs) }))

  app.post('/jobs/:name/runs', {
    config: { scope: 'admin' },
    schema: {
      operationId: 'requestJobRun', tags, summary: 'Run a job now for this workspace or one of its topics',
      description: 'The run is queued and taken by an instance running the scheduler; poll GET /v1/job-runs/{id}.',
      params: z.object({ name: z.string().max(64) }),
      body: z.strictObject({ topicId: z.string().max(64).optional() }).nullish().describe('Optional: { topicId } to run for one topic only.'),
      response: { 202: jobRunSchema, ...problemResponses(400, 401, 403, 404, 413, 415, 429, 503) },
    },
  }, async (req, reply) => reply.status(202).send(await jobRuns.request(req.auth.workspaceId, req.params.name, req.body?.topicId)))

  app.get('/job-runs/:id', {
    config: { scope: 'read' },
    schema: {
      operationId: 'getJobRun', tags, summary: 'One job run: status, progress, stats, error',
      params: z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
      response: { 200: jobRunSchema, ...problemResponses(400, 401, 403, 404, 429, 503) },
    },
  }, (req) => jobRuns.get(req.auth.workspaceId, req.params.id))
}
