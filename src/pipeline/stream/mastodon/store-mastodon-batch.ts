// One batch of a Mastodon stream (events, or a page of a tag timeline), stored in one transaction
// with the per-tag checkpoint that follows it. Writes go through ingest's unique keys, so a status
// read on the page and again on the stream is stored once; edits replace the stored text; deletes
// take the post out of the workspace by the path every deletion takes (ingest/delete-posts.ts).
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { ingestBatch } from '../../ingest/ingest-batch.ts'
import { prepareBatch } from '../../ingest/prepare-batch.ts'
import { removePostRows } from '../../ingest/delete-posts.ts'
import type { TopicMatcher } from '../../ingest/topic-matchers.ts'
import { rememberReadIds } from '../../collect/remember-read-ids.ts'
import type { MastodonIdIndex } from '../../networks/mastodon/id-index.ts'
import { normalizeStatuses } from '../../networks/mastodon/normalize-status.ts'
import type { MastodonStatus } from '../../networks/mastodon/schemas.ts'
import type { Lease } from '../stream-lease.ts'
import { applyEdits, type EditedPost } from './apply-edits.ts'
import { advancedCheckpoint, storeTagCheckpoint, type TagCheckpoint } from './tag-checkpoint.ts'

/** What a batch says, in the order it was received. */
export type MastodonBatchItem =
  | { kind: 'status'; status: MastodonStatus; edited: boolean; tag: string | null }
  | { kind: 'delete'; statusId: string }

export interface MastodonBatchContext {
  db: Kysely<DB>
  lease: Lease
  localDomain: string
  index: MastodonIdIndex
  matchers: readonly TopicMatcher[]
  instanceUrl: string
}

export interface MastodonBatchResult {
  stored: number
  edited: number
  deleted: number
  checkpoint: TagCheckpoint
  /** Creation time of the newest status of the batch (unix µs), 0 without any. */
  newestUs: number
}

/** The batch's last word on each status: written (new or edited) or gone, in event order. */
function lastWords(items: readonly MastodonBatchItem[]) {
  const statuses = new Map<string, { status: MastodonStatus; edited: boolean }>()
  const deletes = new Set<string>()
  const seen = new Map<string, string[]>()
  for (const item of items) {
    if (item.kind === 'delete') {
      statuses.delete(item.statusId)
      deletes.add(item.statusId)
      continue
    }
    const before = statuses.get(item.status.id)
    statuses.set(item.status.id, { status: item.status, edited: item.edited || before?.edited === true })
    if (item.tag !== null) seen.set(item.tag, [...(seen.get(item.tag) ?? []), item.status.id])
  }
  return { statuses: [...statuses.values()], deletes: [...deletes], seen }
}

export async function storeMastodonBatch(context: MastodonBatchContext, checkpoint: TagCheckpoint, items: readonly MastodonBatchItem[]): Promise<MastodonBatchResult> {
  const { db, lease, index, matchers } = context
  const { statuses, deletes, seen } = lastWords(items)
  for (const { status } of statuses) index.learnStatus(status)
  const collected = normalizeStatuses(statuses.map((s) => s.status), { localDomain: context.localDomain, index })
  const editedIds = new Set(statuses.filter((s) => s.edited).map((s) => s.status.uri))
  // Matched once here, as ingest matches: only posts on one of the workspace's topics are kept.
  const prepared = matchers.length === 0 ? null : await prepareBatch(lease.workspaceId, collected, matchers)
  const onTopic = new Set<string>()
  const edits: EditedPost[] = []
  prepared?.posts.forEach((post, i) => {
    const matches = prepared.matches[i]
    if (matches !== null) onTopic.add(post.externalId)
    if (editedIds.has(post.externalId)) edits.push({ post, topicIds: (matches ?? []).map(([topicId]) => topicId) })
  })
  const posts = collected.posts.filter((post) => onTopic.has(post.externalId))
  const authors = new Set(posts.map((post) => post.authorExternalId))
  const accounts = collected.accounts.filter((account) => authors.has(account.externalId))

  let next = checkpoint
  for (const [tag, ids] of seen) next = advancedCheckpoint(next, tag, ids)
  const newestUs = statuses.reduce((latest, { status }) => Math.max(latest, Date.parse(status.created_at) * 1000), 0)

  return db.transaction().execute(async (trx) => {
    const stats = posts.length === 0 ? null : await ingestBatch(trx, lease.workspaceId, { posts, accounts }, matchers)
    await rememberReadIds(trx, lease.workspaceId, lease.sourceId, posts)
    const edited = await applyEdits(trx, lease.workspaceId, edits)
    let deleted = 0
    if (deletes.length > 0) {
      // A delete names the instance's own id: the posts this source read by that id.
      const rows = await sql<{ post_id: number }>`
        select post_id from post_read_ids where source_id = ${lease.sourceId} and workspace_id = ${lease.workspaceId} and read_id = any(${deletes}::text[])`.execute(trx)
      deleted = (await removePostRows(trx, rows.rows.map((row) => Number(row.post_id)))).posts
    }
    await storeTagCheckpoint(trx, lease, next, newestUs, context.instanceUrl)
    return { stored: stats?.posts ?? 0, edited, deleted, checkpoint: next, newestUs }
  })
}
