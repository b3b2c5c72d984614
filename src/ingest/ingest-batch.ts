import { sql, type RawBuilder, type Transaction } from 'kysely'
import type { DB } from '../db/schema.ts'
import type { CollectedBatch, MentionRef, NormalizedAccount } from '../networks/model.ts'
import { preparePost } from '../query/index.ts'
import { enrichPost, mergeMentions } from './enrich/index.ts'
import type { EnrichedPost } from './enriched-post.ts'
import { jsonTuples } from './json-rows.ts'
import type { TopicMatcher } from './topic-matchers.ts'
import { accountKey, stubAccount, upsertAccounts } from './upsert-accounts.ts'
import { storePosts } from './upsert-posts.ts'
import { childEdgesInsertFor, interactionCandidates, interactionsInsert } from './write-interactions.ts'

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
 *
 * The database and this process take turns as little as possible: the accounts are written while
 * the posts are enriched, and the posts while they are matched against the topics.
 */
export async function ingestBatch(trx: Transaction<DB>, batch: CollectedBatch, topics: readonly TopicMatcher[]): Promise<IngestStats> {
  // Enrichment adds only mentions found in the text, which carry no id: the accounts a batch
  // names are known before it is enriched (the network's mentions, deduplicated as enrichment does).
  const named = batch.posts.map((p) => ({
    network: p.network,
    authorExternalId: p.authorExternalId,
    replyToAuthorExternalId: p.replyToAuthorExternalId,
    mentions: p.mentions.length > 1 ? mergeMentions(p.mentions, []) : p.mentions,
  }))
  const accountsWritten = started(upsertAccounts(trx, [...batch.accounts, ...referencedAccounts(named, batch.accounts)]))
  const posts: EnrichedPost[] = await inSlices(batch.posts, enrichPost)
  const accountIds = await accountsWritten

  const postsWritten = started(storePosts(trx, posts, accountIds))
  const handles = new Map(batch.accounts.map((a) => [accountKey(a.network, a.externalId), a.handle]))
  const matches = topics.length === 0 ? [] : await inSlices(posts, (post) => matchTopics(post, topics, handles))
  const candidates = interactionCandidates(posts, accountIds)
  const stored = await postsWritten
  const postIds = stored.ids

  const rows: unknown[][] = []
  matches.forEach((terms, i) => {
    const postId = terms && postIds.get(accountKey(posts[i].network, posts[i].externalId))
    if (!terms || postId === undefined) return
    const createdAt = posts[i].createdAt.toISOString()
    for (const [topicId, matched] of terms) rows.push([topicId, postId, createdAt, matched])
  })
  // The rest in one statement (one round trip): topic matches, the edges the posts draw, and the
  // edges of stored posts that pointed at them — only posts new to the database (or that just got
  // an author) can have such children without an edge yet.
  const writes: RawBuilder<unknown>[] = []
  if (rows.length) {
    writes.push(sql`matched as (
      insert into topic_posts (topic_id, post_id, post_created_at, matched_terms)
      select topic_id, post_id, post_created_at, matched_terms from ${jsonTuples(rows, 'topic_id uuid, post_id bigint, post_created_at timestamptz, matched_terms text[]')}
      on conflict (topic_id, post_id) do nothing
      returning 1)`)
  }
  const edges = interactionsInsert(candidates, postIds)
  if (edges) writes.push(sql`edges as (${edges})`)
  const childEdges = childEdgesInsertFor(stored.newlyReferenceable)
  if (childEdges) writes.push(sql`child_edges as (${childEdges})`)
  let matched = 0
  if (writes.length) {
    // Items of one `with` run on one snapshot: an edge both drawn and backfilled is inserted once
    // (on conflict do nothing sees the other item's row), as it was by two statements.
    const count = rows.length ? sql`(select count(*) from matched)::int` : sql`0`
    const result = await sql<{ matched: number }>`with ${sql.join(writes)} select ${count} as matched`.execute(trx)
    matched = result.rows[0].matched
  }
  return { posts: postIds.size, accounts: accountIds.size, matched }
}

/** The topics the post is on, with the terms it matched; null when none. */
function matchTopics(post: EnrichedPost, topics: readonly TopicMatcher[], handles: ReadonlyMap<string, string>): [string, string[]][] | null {
  const authorHandle = post.authorExternalId === null ? null : (handles.get(accountKey(post.network, post.authorExternalId)) ?? null)
  const prepared = preparePost({ text: post.text, hashtags: post.hashtags, mentions: post.mentions, lang: post.lang, network: post.network, authorHandle })
  let found: [string, string[]][] | null = null
  for (const topic of topics) {
    const terms = topic.match(post, prepared)
    if (terms) (found ??= []).push([topic.topicId, terms])
  }
  return found
}

interface NamesAccounts {
  network: string
  authorExternalId: string | null
  replyToAuthorExternalId: string | null
  mentions: readonly MentionRef[]
}

/** Authors and resolved mentions the batch names but does not describe: stored as placeholders. */
function referencedAccounts(posts: readonly NamesAccounts[], described: readonly NormalizedAccount[]): NormalizedAccount[] {
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

/** A statement left running while this process works: its failure is raised where it is awaited. */
function started<T>(statement: Promise<T>): Promise<T> {
  statement.catch(() => {})
  return statement
}

/** Posts handled a slice at a time, letting the event loop send the statement in flight meanwhile. */
const SLICE = 200

async function inSlices<T, U>(items: readonly T[], work: (item: T) => U): Promise<U[]> {
  const results = new Array<U>(items.length)
  for (let start = 0; start < items.length; start += SLICE) {
    await new Promise<void>((resolve) => setImmediate(resolve))
    const end = Math.min(items.length, start + SLICE)
    for (let i = start; i < end; i++) results[i] = work(items[i])
  }
  return results
}
