import { sql, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'

// How posts leave a workspace, whether their author deleted them (the stream) or the operator
// erases their author (./erase-account.ts): the topics they were on change
// version, so cached reads are not served stale; their interactions, topic matches and imports go,
// then the posts themselves (the tables keyed by post alone follow by cascade).

export interface RemovedPosts {
  posts: number
  interactions: number
  topicMatches: number
  imports: number
}

/** Removes these stored posts (ids of one workspace's rows) and what hangs from them, in the caller's transaction. */
export async function removePostRows(trx: Transaction<DB>, ids: readonly number[]): Promise<RemovedPosts> {
  if (ids.length === 0) return { posts: 0, interactions: 0, topicMatches: 0, imports: 0 }
  const list = [...ids]
  const count = async (query: ReturnType<typeof sql>) => Number((await query.execute(trx)).numAffectedRows ?? 0)
  await sql`update topics set updated_at = now() where id in (select topic_id from topic_posts where post_id = any(${list}::bigint[]))`.execute(trx)
  const interactions = await count(sql`delete from interactions where post_id = any(${list}::bigint[])`)
  const topicMatches = await count(sql`delete from topic_posts where post_id = any(${list}::bigint[])`)
  const imports = await count(sql`delete from imported_posts where post_id = any(${list}::bigint[])`)
  const posts = await count(sql`delete from posts where id = any(${list}::bigint[])`)
  return { posts, interactions, topicMatches, imports }
}

/** Deletes the workspace's copies of these posts (by their network's ids); returns how many there were. */
export async function deletePosts(trx: Transaction<DB>, workspaceId: string, network: string, externalIds: readonly string[]): Promise<number> {
  if (externalIds.length === 0) return 0
  const rows = await trx.selectFrom('posts').select('id')
    .where('workspace_id', '=', workspaceId).where('network', '=', network).where('external_id', 'in', externalIds)
    .execute()
  return (await removePostRows(trx, rows.map((row) => Number(row.id)))).posts
}
