import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'

// A workspace's retention: its topics' matches and its imports of posts older than its setting are
// released, and a released post no other workspace holds is deleted, with the interactions it
// made (foreign keys cascade). Shared posts stay as long as one workspace keeps them.

/** Rows released per statement: a first run over years of posts does not hold locks for long. */
const BATCH = 5_000

export const RETENTION_DAYS_MAX = 36_500

export interface RetentionResult { workspaces: number; released: number; deletedPosts: number }

/** Workspaces with a retention setting and their cutoffs, all of them or the one asked for. */
async function workspacesWithRetention(db: Kysely<DB>, workspaceId?: string, exclude: readonly string[] = []): Promise<{ id: string; days: number }[]> {
  const rows = await sql<{ id: string; days: number }>`
    select id, (settings->>'retentionDays')::int as days from workspaces
    where jsonb_typeof(settings->'retentionDays') = 'number' and ${workspaceId === undefined ? sql`true` : sql`id = ${workspaceId}`}
    order by id`.execute(db)
  return rows.rows.filter((r) => r.days >= 1 && !exclude.includes(r.id))
}

export async function applyRetention(db: Kysely<DB>, now: Date, options: { workspaceId?: string; excludeWorkspaces?: readonly string[]; signal?: AbortSignal } = {}): Promise<RetentionResult> {
  const result: RetentionResult = { workspaces: 0, released: 0, deletedPosts: 0 }
  for (const workspace of await workspacesWithRetention(db, options.workspaceId, options.excludeWorkspaces)) {
    const cutoff = new Date(now.getTime() - workspace.days * 86_400_000)
    for (;;) {
      if (options.signal?.aborted) return result
      const batch = await db.transaction().execute((trx) => releaseBatch(trx, workspace.id, cutoff))
      result.released += batch.released
      result.deletedPosts += batch.deleted
      if (batch.released < BATCH) break
    }
    result.workspaces++
  }
  return result
}

async function releaseBatch(trx: Kysely<DB>, workspaceId: string, cutoff: Date): Promise<{ released: number; deleted: number }> {
  const released = await sql<{ post_id: number }>`
    with matches as (
      delete from topic_posts where (topic_id, post_id) in (
        select tp.topic_id, tp.post_id from topic_posts tp join topics t on t.id = tp.topic_id
        where t.workspace_id = ${workspaceId} and tp.post_created_at < ${cutoff} limit ${BATCH})
      returning post_id
    ), imports as (
      delete from imported_posts where (workspace_id, post_id) in (
        select ip.workspace_id, ip.post_id from imported_posts ip join posts p on p.id = ip.post_id
        where ip.workspace_id = ${workspaceId} and p.created_at < ${cutoff} limit ${BATCH})
      returning post_id
    )
    select post_id from matches union select post_id from imports`.execute(trx)
  if (released.rows.length === 0) return { released: 0, deleted: 0 }
  const ids = released.rows.map((r) => r.post_id)
  // Statements see the deletions above: a post still matched or imported elsewhere is kept.
  const deleted = await sql`
    delete from posts p where p.id = any(${ids}::bigint[])
      and not exists (select 1 from topic_posts tp where tp.post_id = p.id)
      and not exists (select 1 from imported_posts ip where ip.post_id = p.id)`.execute(trx)
  return { released: ids.length, deleted: Number(deleted.numAffectedRows ?? 0) }
}
