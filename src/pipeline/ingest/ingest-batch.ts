import { sql, type RawBuilder, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { CollectedBatch } from '../networks/model.ts'
import { jsonTuples } from '../../platform/db/json-rows.ts'
import { prepareBatch, type PreparedBatch } from './prepare-batch.ts'
import type { TopicMatcher } from './topic-matchers.ts'
import { accountKey, type AccountIds } from './upsert-accounts.ts'
import type { StoredPosts } from './upsert-posts.ts'
import { childEdgesInsertFor, interactionCandidates, interactionsInsert, type InteractionCandidate } from './write-interactions.ts'

export interface IngestStats {
  posts: number
  accounts: number
  /** (topic, post) pairs newly matched. */
  matched: number
}

/**
 * normalise (done by the connector) → enrich → match topics → upsert accounts and posts →
 * topic matches and interactions. Idempotent: ingesting the same batch twice changes only
 * engagement counts. Runs inside the caller's transaction, so the collection checkpoint commits
 * with it. One batch at a time: a caller storing many prepares the next while storing one
 * (`prepareBatch`, then `storeBatch`), and prepares before opening its transaction.
 */
export async function ingestBatch(trx: Transaction<DB>, batch: CollectedBatch, topics: readonly TopicMatcher[]): Promise<IngestStats> {
  return storeBatch(trx, await prepareBatch(batch, topics))
}

/**
 * The writes of a prepared batch, in the caller's transaction: the accounts and the posts
 * statements queued together (the posts find their authors in the database), then one more for
 * topic matches and interactions when there are any.
 */
export async function storeBatch(trx: Transaction<DB>, { posts, matches, accountsUpsert, postsStore }: PreparedBatch): Promise<IngestStats> {
  const accountsWritten = started(accountsUpsert.run(trx))
  const postsWritten = started(postsStore.run(trx))
  let accountIds: AccountIds
  let candidates: InteractionCandidate[]
  let stored: StoredPosts
  try {
    accountIds = await accountsWritten
    candidates = interactionCandidates(posts, accountIds)
    stored = await postsWritten
  } catch (error) {
    // The posts statement waits for its turn on the connection: it must have run (and failed, in
    // the aborted transaction) before the caller's rollback is sent, never after it.
    await postsWritten.catch(() => {})
    throw error
  }
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

/** A statement left running while this process works: its failure is raised where it is awaited. */
function started<T>(statement: Promise<T>): Promise<T> {
  statement.catch(() => {})
  return statement
}
