// One batch of a stream, stored in one transaction with the cursor that follows it: after a crash
// the stream is read again from a cursor no later than what was stored, and the writes are
// idempotent (unique keys), so every post is stored once whatever was replayed.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { NormalizedPost } from '../networks/model.ts'
import { ingestBatch } from '../ingest/ingest-batch.ts'
import { deletePosts } from '../ingest/delete-posts.ts'
import type { TopicMatcher } from '../ingest/topic-matchers.ts'
import type { JetstreamEvent } from './jetstream-event.ts'
import { deletedPostUri, postFromEvent } from './post-from-event.ts'
import { postsOnTopics } from './stream-topics.ts'
import { advanceCursor, type Lease } from './stream-lease.ts'
import { applyGraphWords, graphWords, type GraphChanges } from './graph-events.ts'

export interface StreamGap {
  fromUs: number
  toUs: number
}

export interface StreamBatchResult {
  /** Posts on the workspace's topics written (new or again). */
  stored: number
  deleted: number
  /** Follows written and removed, accounts erased (gone from the network). */
  graph: GraphChanges
  cursorUs: number
}

/** The batch's last word on each post: written (create, update) or gone (delete), in event order. */
function lastWords(events: readonly JetstreamEvent[]): { posts: NormalizedPost[]; deletes: string[] } {
  const posts = new Map<string, NormalizedPost>()
  const deletes = new Set<string>()
  for (const event of events) {
    const gone = deletedPostUri(event)
    if (gone !== null) {
      posts.delete(gone)
      deletes.add(gone)
      continue
    }
    const post = postFromEvent(event)
    if (post !== null) {
      deletes.delete(post.externalId)
      posts.set(post.externalId, post)
    }
  }
  return { posts: [...posts.values()], deletes: [...deletes] }
}

export async function storeStreamBatch(
  db: Kysely<DB>,
  lease: Lease,
  instanceUrl: string,
  events: readonly JetstreamEvent[],
  matchers: readonly TopicMatcher[],
  gap: StreamGap | null,
): Promise<StreamBatchResult> {
  const cursorUs = events.reduce((latest, event) => Math.max(latest, event.time_us), 0)
  const { posts, deletes } = lastWords(events)
  const kept = postsOnTopics(posts, matchers)
  const graphEvents = graphWords(events)
  return db.transaction().execute(async (trx) => {
    const stats = kept.length === 0 ? null : await ingestBatch(trx, lease.workspaceId, { posts: kept, accounts: [] }, matchers)
    const deleted = await deletePosts(trx, lease.workspaceId, 'bluesky', deletes)
    // After the posts: a post of this batch makes its author tracked, and an account gone takes its posts of this batch too.
    const graph = await applyGraphWords(trx, lease.workspaceId, graphEvents)
    if (gap !== null) {
      await trx.insertInto('stream_gaps').values({ workspace_id: lease.workspaceId, source_id: lease.sourceId, from_us: gap.fromUs, to_us: gap.toUs }).execute()
    }
    await advanceCursor(trx, lease, cursorUs, instanceUrl)
    return { stored: stats?.posts ?? 0, deleted, graph, cursorUs }
  })
}
