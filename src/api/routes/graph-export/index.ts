import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { limitQuery } from '../../../platform/shared/list-limits.ts'
import { problemResponses } from '../../problem.ts'
import { topicGraphSchema } from '../../../insight/graph-export/schema.ts'
import type { GraphExportService } from '../../../insight/graph-export/service.ts'
import { GEXF_CONTENT_TYPE } from '../../../insight/graph-export/to-gexf.ts'
import { GRAPH_OFFERS } from '../../representation/offers.ts'
import { represent } from '../../representation/represent.ts'

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
        limit: limitQuery('graphNodes', 'Nodes at most, by influence rank'),
        edgeLimit: limitQuery('graphEdges', 'Edges at most; interactions are kept before follows'),
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
  }, async (req, reply) => represent(req, reply, GRAPH_OFFERS, (format) =>
    graphs.graph(req.auth.workspaceId, req.params.id, format, { nodes: req.query.limit, edges: req.query.edgeLimit }), req.query.format))
}
