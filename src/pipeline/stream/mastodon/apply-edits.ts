// An edited status (`status.update`) changes a post already stored: its text and what is derived
// from it are replaced, and it leaves the topics it no longer matches (ingest adds the ones it now
// matches by its query; what the brand's own accounts put there stays). The topics it was on change version, so cached reads are not served stale.
import { sql, type Transaction } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import type { EnrichedPost } from '../../ingest/enriched-post.ts'

export interface EditedPost {
  post: EnrichedPost
  /** The workspace's topics the edited post matches now. */
  topicIds: string[]
}

/** Returns how many stored posts were changed. */
export async function applyEdits(trx: Transaction<DB>, workspaceId: string, edits: readonly EditedPost[]): Promise<number> {
  let changed = 0
  for (const { post, topicIds } of edits) {
    const mentions = post.mentions.map((m) => m.handle.toLowerCase())
    const row = await sql<{ id: number }>`
      update posts set text = ${post.text}, lang = ${post.lang}, hashtags = ${post.hashtags}::text[], mentions = ${mentions}::text[],
        links = ${post.links}::text[], sentiment = ${post.sentiment}, is_question = ${post.isQuestion},
        search_config = ${post.searchConfig}::regconfig, updated_at = now()
      where workspace_id = ${workspaceId} and network = ${post.network} and external_id = ${post.externalId}
      returning id`.execute(trx)
    const id = row.rows[0]?.id
    if (id === undefined) continue
    changed++
    await sql`update topics set updated_at = now() where id in (select topic_id from topic_posts where post_id = ${id})`.execute(trx)
    // Only what the query put there: a post on a topic because it mentions or answers the brand stays.
    await sql`delete from topic_posts where post_id = ${id} and via = 'query' and not (topic_id = any(${topicIds}::uuid[]))`.execute(trx)
  }
  return changed
}
