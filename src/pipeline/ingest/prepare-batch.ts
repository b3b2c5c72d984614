import type { CollectedBatch, NormalizedAccount } from '../networks/model.ts'
import { preparePost } from '../query/index.ts'
import { cleanBatch } from './clean-collected.ts'
import { enrichPost } from './enrich/index.ts'
import type { EnrichedPost } from './enriched-post.ts'
import type { TopicMatcher } from './topic-matchers.ts'
import { topicIndexOf, type TopicIndex, type TopicMatches } from './topic-index.ts'
import type { PreparedWrite } from './prepared-write.ts'
import { accountKey, prepareAccountsUpsert, stubAccount, type AccountIds } from './upsert-accounts.ts'
import { preparePostsStore, type StoredPosts } from './upsert-posts.ts'

export type { TopicMatches } from './topic-index.ts'

/** A batch ready to be stored: everything ingest computes without the database. */
export interface PreparedBatch {
  /** The workspace that observed the batch: its own rows are written and linked, no other's. */
  workspaceId: string
  posts: EnrichedPost[]
  /** Per post (same index), its topics; null when it is on none. */
  matches: (TopicMatches | null)[]
  /** The accounts the batch describes, and placeholders for those it only names. */
  accountsUpsert: PreparedWrite<AccountIds>
  postsStore: PreparedWrite<StoredPosts>
}

/**
 * Enriches the posts, matches them against the topics and builds the statements of the accounts
 * and the posts. It works a slice at a time, letting the event loop send and receive statements
 * meanwhile: a caller can prepare the next batch while the previous one is being stored
 * (`storeBatch`), keeping this process and the database busy at the same time.
 */
export async function prepareBatch(workspaceId: string, collected: CollectedBatch, topics: readonly TopicMatcher[]): Promise<PreparedBatch> {
  const batch = cleanBatch(collected)
  const posts = await inSlices(batch.posts, enrichPost)
  const handles = new Map(batch.accounts.map((a) => [accountKey(a.network, a.externalId), a.handle]))
  const index = topicIndexOf(topics)
  const matches = topics.length === 0 ? posts.map(() => null) : await inSlices(posts, (post) => matchTopics(post, index, handles))
  const accountsUpsert = prepareAccountsUpsert(workspaceId, [...batch.accounts, ...referencedAccounts(posts, batch.accounts)])
  // Each statement is built in a turn of its own: a result waiting for this process is read between.
  await new Promise<void>((resolve) => setImmediate(resolve))
  return { workspaceId, posts, matches, accountsUpsert, postsStore: preparePostsStore(workspaceId, posts) }
}

function matchTopics(post: EnrichedPost, index: TopicIndex, handles: ReadonlyMap<string, string>): TopicMatches | null {
  const authorHandle = post.authorExternalId === null ? null : (handles.get(accountKey(post.network, post.authorExternalId)) ?? null)
  const prepared = preparePost({ text: post.text, hashtags: post.hashtags, mentions: post.mentions, lang: post.lang, network: post.network, authorHandle })
  return index.match(post, prepared)
}

/**
 * Authors and resolved mentions the batch names but does not describe: stored as placeholders.
 * Only the network's mentions carry an id; those enrichment found in the text are skipped.
 */
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

/**
 * Posts per slice: about half a millisecond of work, so a statement's result waiting behind a
 * slice is read soon after it arrives.
 */
const SLICE = 50

async function inSlices<T, U>(items: readonly T[], work: (item: T) => U): Promise<U[]> {
  const results = new Array<U>(items.length)
  for (let start = 0; start < items.length; start += SLICE) {
    await new Promise<void>((resolve) => setImmediate(resolve))
    const end = Math.min(items.length, start + SLICE)
    for (let i = start; i < end; i++) results[i] = work(items[i])
  }
  return results
}
