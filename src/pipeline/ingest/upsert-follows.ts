import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { NormalizedFollow } from '../networks/model.ts'
import { cleanFollow } from './clean-collected.ts'
import { jsonRows } from '../../platform/db/json-rows.ts'
import { accountKey, stubAccount, upsertAccounts } from './upsert-accounts.ts'
import type { Db } from '../../platform/db/db-handle.ts'


/**
 * Follow edges, seen again or for the first time (last_seen_at tells which are still current).
 * Accounts not stored yet are stored as placeholders.
 */
export async function upsertFollows(db: Db, collected: readonly NormalizedFollow[]): Promise<number> {
  if (collected.length === 0) return 0
  const follows = collected.map(cleanFollow)
  const ids = await upsertAccounts(db, follows.flatMap((f) => [stubAccount(f.network, f.followerExternalId), stubAccount(f.network, f.followeeExternalId)]))
  const rows = follows
    .map((f) => ({ network: f.network, follower_id: ids.get(accountKey(f.network, f.followerExternalId))!, followee_id: ids.get(accountKey(f.network, f.followeeExternalId))! }))
    .filter((r) => r.follower_id !== r.followee_id)
    .sort((a, b) => a.follower_id - b.follower_id || a.followee_id - b.followee_id)
  const unique = rows.filter((r, i) => i === 0 || r.follower_id !== rows[i - 1].follower_id || r.followee_id !== rows[i - 1].followee_id)
  if (unique.length === 0) return 0
  await sql`
    insert into follows (network, follower_id, followee_id)
    select network, follower_id, followee_id from ${jsonRows(unique, 'network text, follower_id bigint, followee_id bigint')}
    on conflict (follower_id, followee_id) do update set last_seen_at = now()`.execute(db)
  return unique.length
}
