import { sql, type Transaction } from 'kysely'
import type { DB } from '../db/schema.ts'
import type { CollectedBatch, NormalizedAccount } from '../networks/model.ts'
import { preparePost } from '../query/index.ts'
import { enrichPost } from './enrich/index.ts'
import type { EnrichedPost } from './enriched-post.ts'
import { jsonRows } from './json-rows.ts'
import type { TopicMatcher } from './topic-matchers.ts'
import { accountKey, stubAccount, upsertAccounts } from './upsert-accounts.ts'
import { upsertPosts } from './upsert-posts.ts'
import { backfillInteractions, writeInteractions } from './write-interactions.ts'

export interface IngestStats {
  posts: number
  accounts: number
  /** (topic, post) pairs newly matched. */
  matched: number
}

/**
 * normalise (done by the connector) → enrich → upsert accounts and posts → match topics →
 * interactions. Idempotent: ingesting the same batch twice changes only engagement counts.
 * Runs inside the caller's transaction, so the collection checkpoint commits with it.
 */
export async function ingestBatch(trx: Transaction<DB>, batch: CollectedBatch, topics: readonly TopicMatcher[]): Promise<IngestStats> {
  const posts: EnrichedPost[] = batch.posts.map(enrichPost)
  const accountIds = await upsertAccounts(trx, [...batch.accounts, ...referencedAccounts(posts, batch.accounts)])
  const postIds = await upsertPosts(trx, posts, accountIds)

  const handles = new Map(batch.accounts.map((a) => [accountKey(a.network, a.externalId), a.handle]))
  const matches: { topic_id: string; post_id: number; post_created_at: string; matched_terms: string[] }[] = []
  for (const post of posts) {
    const postId = postIds.get(accountKey(post.network, post.externalId))
    if (postId === undefined) continue
    const authorHandle = post.authorExternalId === null ? null : (handles.get(accountKey(post.network, post.authorExternalId)) ?? null)
    const prepared = preparePost({ text: post.text, hashtags: post.hashtags, mentions: post.mentions, lang: post.lang, network: post.network, authorHandle })
    for (const topic of topics) {
      const terms = topic.match(post, prepared)
      if (terms) matches.push({ topic_id: topic.topicId, post_id: postId, post_created_at: post.createdAt.toISOString(), matched_terms: terms })
    }
  }
  let matched = 0
  if (matches.length) {
    const inserted = await sql`
      insert into topic_posts (topic_id, post_id, post_created_at, matched_terms)
      select topic_id, post_id, post_created_at, matched_terms from ${jsonRows(matches, 'topic_id uuid, post_id bigint, post_created_at timestamptz, matched_terms text[]')}
      on conflict (topic_id, post_id) do nothing`.execute(trx)
    matched = Number(inserted.numAffectedRows ?? 0)
  }
  await writeInteractions(trx, posts, accountIds, postIds)
  await backfillInteractions(trx, postIds)
  return { posts: postIds.size, accounts: accountIds.size, matched }
}

/** Authors and resolved mentions the batch names but does not describe: stored as placeholders. */
function referencedAccounts(posts: readonly EnrichedPost[], described: readonly NormalizedAccount[]): NormalizedAccount[] {
  const known = new Set(described.map((a) => accountKey(a.network, a.externalId)))
  const stubs = new Map<string, NormalizedAccount>()
  const add = (network: string, externalId: string | null, handle?: string) => {
    if (externalId === null) return
    const key = accountKey(network, externalId)
    if (!known.has(key) && !stubs.has(key)) stubs.set(key, stubAccount(network, externalId, handle))
  }
  for (const p of posts) {
    add(p.network, p.authorExternalId)
    add(p.network, p.replyToAuthorExternalId)
    for (const m of p.mentions) add(p.network, m.externalId, m.handle)
  }
  return [...stubs.values()]
}
