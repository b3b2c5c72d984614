import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { upsertAccounts } from '../ingest/upsert-accounts.ts'
import type { Connector } from '../networks/connector.ts'

/** Accounts asked for per run: profiles cost requests (Bluesky: 25 per call). */
export const PROFILE_BATCH = 200

/**
 * Some networks list post authors without their audience (Bluesky search results carry no
 * follower counts). The topic's authors still missing counts get their profiles fetched.
 */
export async function fillMissingProfiles(db: Kysely<DB>, topic: { id: string; workspaceId: string }, connector: Connector, signal: AbortSignal): Promise<number> {
  const missing = await db
    .selectFrom('topic_posts')
    .innerJoin('posts', 'posts.id', 'topic_posts.post_id')
    .innerJoin('accounts', 'accounts.id', 'posts.author_id')
    .select('accounts.external_id')
    .distinct()
    .where('topic_posts.topic_id', '=', topic.id)
    .where('accounts.network', '=', connector.network)
    .where('accounts.followers_count', 'is', null)
    .limit(PROFILE_BATCH)
    .execute()
  if (missing.length === 0 || signal.aborted) return 0
  const profiles = await connector.profiles(missing.map((m) => m.external_id), signal)
  await upsertAccounts(db, topic.workspaceId, profiles)
  return profiles.length
}
