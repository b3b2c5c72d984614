import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { findTopic } from '../../tenancy/topics/find-topic.ts'
import { loadGraph, type GraphLimits } from './load-graph.ts'
import type { TopicGraph } from './schema.ts'

/** The topic graph of a workspace's topic, for Gephi and notebooks. */
export function createGraphExportService({ db }: { db: Kysely<DB> }) {
  return {
    async graph(workspaceId: string, topicId: string, limits: GraphLimits): Promise<{ topicName: string; graph: TopicGraph }> {
      const topic = await findTopic(db, workspaceId, topicId)
      return { topicName: topic.name, graph: await loadGraph(db, topic.id, limits) }
    },
  }
}

export type GraphExportService = ReturnType<typeof createGraphExportService>
