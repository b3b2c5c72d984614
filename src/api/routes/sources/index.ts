import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemResponses } from '../../problem.ts'
import { newSourceSchema, sourceChangeSchema, sourceSchema } from '../../../tenancy/sources/dto.ts'
import type { SourceService } from '../../../tenancy/sources/service.ts'
import { streamGapPageSchema, type StreamGapService } from '../../../tenancy/sources/stream-gaps.ts'
import { cursorQuery } from '../../../platform/shared/cursor.ts'
import { limitQuery } from '../../../platform/shared/list-limits.ts'

const tags = ['sources']
const sourceParams = z.object({ id: z.string().max(64).describe('Source id') })

export const sourceRoutes: FastifyPluginAsyncZod<{ sources: SourceService; gaps: StreamGapService }> = async (app, { sources, gaps }) => {
  app.get('/sources', {
    config: { scope: 'read' },
    schema: { operationId: 'listSources', tags, summary: 'Network endpoints the workspace collects from (without their secrets)', response: { 200: z.object({ items: z.array(sourceSchema) }).meta({ id: 'SourceList', example: { items: [] } }), ...problemResponses(401, 403, 429, 503) } },
  }, async (req) => ({ items: await sources.list(req.auth.workspaceId) }))

  app.post('/sources', {
    config: { scope: 'admin' },
    schema: {
      operationId: 'createSource', tags, summary: 'Register a network endpoint and its credentials',
      description: 'To change credentials, delete the source and register it again: secrets are write-only.',
      body: newSourceSchema,
      response: { 201: sourceSchema, ...problemResponses(400, 401, 403, 409, 413, 415, 429, 503) },
    },
  }, async (req, reply) => reply.status(201).send(await sources.create(req.auth.workspaceId, req.body)))

  app.get('/sources/:id', {
    config: { scope: 'read' },
    schema: { operationId: 'getSource', tags, summary: 'One source (without its secrets), with the state of its live stream', params: sourceParams, response: { 200: sourceSchema, ...problemResponses(401, 403, 404, 429, 503) } },
  }, (req) => sources.get(req.auth.workspaceId, req.params.id))

  app.patch('/sources/:id', {
    config: { scope: 'admin' },
    schema: {
      operationId: 'updateSource', tags, summary: 'Turn the live reading of a source on or off',
      description: 'Sets the source\'s `settings.streaming` to "on" or "off". A process reading the source lets it go when it next looks for streaming sources (within about ten seconds); scheduled collection goes on either way. A source of a network without a live stream answers 422.',
      params: sourceParams,
      body: sourceChangeSchema,
      response: { 200: sourceSchema, ...problemResponses(400, 401, 403, 404, 413, 415, 422, 429, 503) },
    },
  }, (req) => sources.change(req.auth.workspaceId, req.params.id, req.body))

  app.delete('/sources/:id', {
    config: { scope: 'admin' },
    schema: { operationId: 'deleteSource', tags, summary: 'Remove a source', params: z.object({ id: z.string().max(64) }), response: { 204: z.null().describe('Deleted'), ...problemResponses(401, 403, 404, 429, 503) } },
  }, async (req, reply) => {
    await sources.remove(req.auth.workspaceId, req.params.id)
    return reply.status(204).send(null)
  })

  app.get('/sources/:id/gaps', {
    config: { scope: 'read' },
    schema: {
      operationId: 'listStreamGaps', tags, summary: 'Spans the source\'s live stream missed, and whether search has filled them',
      description: 'A streaming source that was not read for longer than its instance keeps events (about 36 hours on Jetstream) misses a span; it is recorded here and filled by the next collect-mentions run, which searches the span for each topic using the source. The latest detected first.',
      params: sourceParams,
      querystring: z.strictObject({ limit: limitQuery('page'), cursor: cursorQuery }),
      response: { 200: streamGapPageSchema, ...problemResponses(400, 401, 403, 404, 429, 503) },
    },
  }, (req) => gaps.list(req.auth.workspaceId, req.params.id, req.query.limit, req.query.cursor))
}
