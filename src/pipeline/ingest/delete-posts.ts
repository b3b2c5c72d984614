import { sql, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'

// A post its author deleted leaves the workspace as an erased person's posts do
// (src/tenancy/personal-data/erase-person.ts): its topic matches, imports and interactions go,
// then the post; the topics it was on change version, so cached reads are not served stale.

/** Deletes the workspace's copies of these posts; returns how many there were. */
export async function deletePosts(trx: Transaction<DB>, workspaceId: string, network: string, externalIds: readonly string[]): Promise<number> {
  if (externalIds.length === 0) return 0
  const rows = await trx.selectFrom('posts').select('id')
    .where('workspace_id', '=', workspaceId).where('network', '=', network).where('external_id', 'in', externalIds)
    .execute()
  if (rows.length === 0) return 0
  const ids = rows.map((row) => row.id)
  await sql`update topics set updated_at = now() where id in (select topic_id from topic_posts where post_id = any(${ids}::bigint[]))`.execute(trx)
  await sql`delete from interactions where post_id = any(${ids}::bigint[])`.execute(trx)
  await sql`delete from topic_posts where post_id = any(${ids}::bigint[])`.execute(trx)
  await sql`delete from imported_posts where post_id = any(${ids}::bigint[])`.execute(trx)
  const deleted = await sql`delete from posts where id = any(${ids}::bigint[]) and workspace_id = ${workspaceId}`.execute(trx)
  return Number(deleted.numAffectedRows ?? 0)
}
