import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { NormalizedAccount } from '../networks/model.ts'
import { cleanAccount } from './clean-collected.ts'
import { jsonTuples } from '../../platform/db/json-rows.ts'
import type { PreparedWrite } from './prepared-write.ts'
import type { Db } from '../../platform/db/db-handle.ts'


/** `network␟externalId` → accounts.id */
export type AccountIds = Map<string, number>
export const accountKey = (network: string, externalId: string) => `${network}\u001f${externalId}`

const COLUMNS = 'network text, external_id text, handle text, display_name text, bio text, url text, followers_count int, following_count int, posts_count int, verified_links jsonb'

/**
 * Inserts or refreshes the workspace's own copies of accounts in one statement (another
 * workspace's observations of the same ids are other rows). Known values are never overwritten by
 * unknown ones: a list view without counts keeps the counts a profile gave.
 */
export async function upsertAccounts(db: Db, workspaceId: string, accounts: readonly NormalizedAccount[]): Promise<AccountIds> {
  return prepareAccountsUpsert(workspaceId, accounts).run(db)
}

/** The statement of `upsertAccounts`, built without the database. */
export function prepareAccountsUpsert(workspaceId: string, accounts: readonly NormalizedAccount[]): PreparedWrite<AccountIds> {
  const unique = new Map<string, NormalizedAccount>()
  for (const raw of accounts) {
    const a = cleanAccount(raw) // also reached without prepareBatch: profiles, follow lists
    const key = accountKey(a.network, a.externalId)
    const seen = unique.get(key)
    unique.set(key, seen ? mergeAccount(seen, a) : a)
  }
  if (unique.size === 0) return { run: async () => new Map() }
  // A stable order keeps concurrent batches from locking the same rows in opposite orders.
  const keys = [...unique.keys()].sort()
  const tuples = keys.map((key) => {
    const a = unique.get(key)!
    return [a.network, a.externalId, a.handle, a.displayName, a.bio, a.url, a.followersCount, a.followingCount, a.postsCount, a.verifiedLinks ?? null]
  })
  const statement = sql<{ id: number; network: string; external_id: string }>`
    insert into accounts as a (workspace_id, network, external_id, handle, display_name, bio, url, followers_count, following_count, posts_count, verified_links)
    select ${workspaceId}::uuid, network, external_id, handle, display_name, bio, url, followers_count, following_count, posts_count, verified_links
    from ${jsonTuples(tuples, COLUMNS)}
    on conflict (workspace_id, network, external_id) do update set
      handle = case when excluded.handle = excluded.external_id then a.handle else excluded.handle end,
      display_name = coalesce(excluded.display_name, a.display_name),
      bio = coalesce(excluded.bio, a.bio),
      url = coalesce(excluded.url, a.url),
      followers_count = coalesce(excluded.followers_count, a.followers_count),
      following_count = coalesce(excluded.following_count, a.following_count),
      posts_count = coalesce(excluded.posts_count, a.posts_count),
      verified_links = coalesce(excluded.verified_links, a.verified_links),
      last_seen_at = now()
    returning id, network, external_id`
  return {
    async run(db) {
      const ids: AccountIds = new Map()
      for (const r of (await statement.execute(db)).rows) ids.set(accountKey(r.network, r.external_id), r.id)
      return ids
    },
  }
}

function mergeAccount(a: NormalizedAccount, b: NormalizedAccount): NormalizedAccount {
  return {
    ...a,
    handle: b.handle !== b.externalId ? b.handle : a.handle,
    displayName: b.displayName ?? a.displayName,
    bio: b.bio ?? a.bio,
    url: b.url ?? a.url,
    followersCount: b.followersCount ?? a.followersCount,
    followingCount: b.followingCount ?? a.followingCount,
    postsCount: b.postsCount ?? a.postsCount,
    ...((b.verifiedLinks ?? a.verifiedLinks) && { verifiedLinks: b.verifiedLinks ?? a.verifiedLinks }),
  }
}

/** A placeholder for an account known only by id (a mention, a replied-to author). */
export function stubAccount(network: string, externalId: string, handle?: string): NormalizedAccount {
  return { network, externalId, handle: handle ?? externalId, displayName: null, bio: null, url: null, followersCount: null, followingCount: null, postsCount: null }
}
