import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { StoredSource } from '../sources/connector-factory.ts'

/** Which topics: one, a workspace's, or all but some workspaces' (a job's scope has this shape). */
export interface TopicSelection {
  topicId?: string
  workspaceId?: string
  excludeWorkspaces?: string[]
}

export interface TopicWithSources {
  id: string
  workspaceId: string
  name: string
  query: string
  sources: StoredSource[]
}

export interface ScopedTopic {
  id: string
  workspaceId: string
  name: string
  query: string
  networks: string[]
}

/** The topics a run covers, oldest first; an error when the scope names a topic that does not exist. */
export async function topicsInScope(db: Kysely<DB>, scope: TopicSelection): Promise<ScopedTopic[]> {
  let query = db.selectFrom('topics').select(['id', 'workspace_id', 'name', 'query', 'networks']).orderBy('created_at')
  if (scope.topicId) query = query.where('id', '=', scope.topicId)
  if (scope.workspaceId) query = query.where('workspace_id', '=', scope.workspaceId)
  if (scope.excludeWorkspaces?.length) query = query.where('workspace_id', 'not in', scope.excludeWorkspaces)
  const topics = await query.execute()
  if (scope.topicId && topics.length === 0) throw new Error(`No topic with id ${scope.topicId}.`)
  return topics.map((t) => ({ id: t.id, workspaceId: t.workspace_id, name: t.name, query: t.query, networks: t.networks }))
}

/** The topics a run covers and, for each, the workspace sources of the networks it listens to. */
export async function topicsWithSources(db: Kysely<DB>, scope: TopicSelection): Promise<TopicWithSources[]> {
  const topics = await topicsInScope(db, scope)
  if (topics.length === 0) return []
  const workspaceIds = [...new Set(topics.map((t) => t.workspaceId))]
  const sources = await db
    .selectFrom('sources')
    .select(['id', 'workspace_id', 'network', 'base_url', 'settings', 'credentials'])
    .where('workspace_id', 'in', workspaceIds)
    .orderBy('created_at')
    .execute()
  return topics.map((t) => ({
    id: t.id,
    workspaceId: t.workspaceId,
    name: t.name,
    query: t.query,
    sources: sources.filter((s) => s.workspace_id === t.workspaceId && (t.networks.length === 0 || t.networks.includes(s.network))),
  }))
}
