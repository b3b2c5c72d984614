import { sql, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { jsonRows } from '../../platform/db/json-rows.ts'
import type { AccountRecord, FollowRecord, PostRecord } from './records.ts'

/**
 * Notes which records the workspace imported (migration 0004), once the batch's rows exist. Rows
 * are found by their natural keys, one unique-index lookup each. The lookups are lateral with
 * `limit 1` so the planner cannot flatten them into a join: it has no estimate for a JSON record
 * set and, joining, chose to scan the shared table (or walk the index on the network alone) per row.
 */
export async function recordImports(
  trx: Transaction<DB>,
  workspaceId: string,
  records: { accounts: readonly AccountRecord[]; posts: readonly PostRecord[]; follows: readonly FollowRecord[] },
): Promise<void> {
  if (records.accounts.length) {
    const rows = records.accounts.map((a) => ({ network: a.network, external_id: a.id }))
    await sql`
      insert into imported_accounts (workspace_id, account_id)
      select ${workspaceId}::uuid, found.id from ${jsonRows(rows, 'network text, external_id text')}
      cross join lateral (select a.id from accounts a where a.network = r.network and a.external_id = r.external_id limit 1) found
      on conflict do nothing`.execute(trx)
  }
  if (records.posts.length) {
    // A post twice in one batch: the last line wins, as it does in ingest.
    const byKey = new Map(records.posts.map((p) => [`${p.network}\u001f${p.id}`, { network: p.network, external_id: p.id, lang_given: p.lang !== null }]))
    await sql`
      insert into imported_posts (workspace_id, post_id, lang_given)
      select ${workspaceId}::uuid, found.id, r.lang_given from ${jsonRows([...byKey.values()], 'network text, external_id text, lang_given boolean')}
      cross join lateral (select p.id from posts p where p.network = r.network and p.external_id = r.external_id limit 1) found
      on conflict (workspace_id, post_id) do update set lang_given = excluded.lang_given
      where imported_posts.lang_given <> excluded.lang_given`.execute(trx)
  }
  if (records.follows.length) {
    const rows = records.follows.map((f) => ({ network: f.network, follower: f.followerId, followee: f.followeeId }))
    await sql`
      insert into imported_follows (workspace_id, follower_id, followee_id)
      select ${workspaceId}::uuid, fa.id, fb.id from ${jsonRows(rows, 'network text, follower text, followee text')}
      cross join lateral (select a.id from accounts a where a.network = r.network and a.external_id = r.follower limit 1) fa
      cross join lateral (select a.id from accounts a where a.network = r.network and a.external_id = r.followee limit 1) fb
      on conflict do nothing`.execute(trx)
  }
}
