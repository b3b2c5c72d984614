import { Readable } from 'node:stream'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../../platform/shared/errors.ts'
import { problemResponses } from '../../problem.ts'
import { negotiateGraphFormat } from '../../../insight/graph-export/negotiate.ts'
import { topicGraphSchema } from '../../../insight/graph-export/schema.ts'
import type { GraphExportService } from '../../../insight/graph-export/service.ts'
import { GEXF_CONTENT_TYPE, gexfChunks } from '../../../insight/graph-export/to-gexf.ts'
import { jsonChunks } from '../../../insight/graph-export/to-json.ts'

export const graphExportRoutes: FastifyPluginAsyncZod<{ graphs: GraphExportService }> = async (app, { graphs }) => {
  app.get('/topics/:id/graph', {
    config: { scope: 'read' },
    schema: {
      operationId: 'exportTopicGraph', tags: ['graph'], summary: 'The topic graph of the latest score snapshot, as JSON or GEXF (Gephi)',
      description:
        'Nodes: the snapshot\'s accounts, highest influence first, with their scores and community. Edges among them: follows, and the topical replies, reposts, quotes and mentions of the scoring window, one edge per (source, target, kind). ' +
        'With `Accept: application/gexf+xml` or `?format=gexf`: a GEXF 1.3 document (directed, dynamic: each edge starts at its first interaction).',
      params: z.object({ id: z.string().max(64).describe('Topic id') }),
      querystring: z.strictObject({
        format: z.enum(['json', 'gexf']).optional().describe('Overrides the Accept header.'),
        limit: z.coerce.number().int().min(1).max(20_000).default(2000).describe('Nodes at most (1–20000), by influence rank.'),
        edgeLimit: z.coerce.number().int().min(1).max(500_000).default(100_000).describe('Edges at most (1–500000); interactions are kept before follows.'),
      }),
      produces: ['application/json', GEXF_CONTENT_TYPE],
      response: {
        200: {
          description: 'The graph',
          content: { 'application/json': { schema: topicGraphSchema }, [GEXF_CONTENT_TYPE]: { schema: z.string().describe('A GEXF 1.3 document') } },
        },
        ...problemResponses(400, 401, 403, 404, 406, 429, 503),
      },
    },
  }, async (req, reply) => {
    const format = negotiateGraphFormat(req.query.format, req.headers.accept)
    if (!format) throw new AppError('not_acceptable', `The graph is available as application/json or ${GEXF_CONTENT_TYPE}.`)
    const { topicName, graph } = await graphs.graph(req.auth.workspaceId, req.params.id, { nodes: req.query.limit, edges: req.query.edgeLimit })
    reply.header('vary', 'Accept, Authorization, Cookie')
    // Both formats stream out past the JSON response schema: a large graph is written as it goes.
    if (format === 'json') return reply.type('application/json; charset=utf-8').send(Readable.from(jsonChunks(graph)) as never)
    const title = `Topic "${topicName}"${graph.scoreRun ? `, score snapshot ${graph.scoreRun.id} of ${graph.scoreRun.computedAt}` : ', not scored yet'}`
    return reply
      .type(`${GEXF_CONTENT_TYPE}; charset=utf-8`)
      .header('content-disposition', 'attachment; filename="topic-graph.gexf"')
      .send(Readable.from(gexfChunks(graph, title)) as never)
  })
}
