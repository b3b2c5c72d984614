import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { streamed, type Rendered, type Versioned } from '../../platform/shared/versioned.ts'
import { findTopic } from '../../tenancy/topics/find-topic.ts'
import { loadGraph, type GraphLimits } from './load-graph.ts'
import { gexfChunks } from './to-gexf.ts'
import { jsonChunks } from './to-json.ts'

export type GraphFormat = 'json' | 'gexf'

/** The topic graph of a workspace's topic, for Gephi and notebooks. */
export function createGraphExportService({ db }: { db: Kysely<DB> }) {
  return {
    /**
     * The graph in the format asked for, written as it goes (a large graph is never held as one
     * string). It carries no version: the graph is read fresh at each request.
     */
    async graph(workspaceId: string, topicId: string, format: GraphFormat, limits: GraphLimits): Promise<Versioned<Rendered>> {
      const topic = await findTopic(db, workspaceId, topicId)
      return {
        etag: null,
        async result() {
          const graph = await loadGraph(db, topic.id, limits)
          if (format === 'json') return streamed(jsonChunks(graph))
          const title = `Topic "${topic.name}"${graph.scoreRun ? `, score snapshot ${graph.scoreRun.id} of ${graph.scoreRun.computedAt}` : ', not scored yet'}`
          return streamed(gexfChunks(graph, title), 'topic-graph.gexf')
        },
      }
    },
  }
}

export type GraphExportService = ReturnType<typeof createGraphExportService>
