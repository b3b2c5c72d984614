import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'

/** What a conversation read collects under a matched post: its replies, or who reposted it. */
export type ConversationKind = 'replies' | 'reposts'

export interface ConversationDue {
  id: number
  externalId: string
  createdAt: Date
  /** What the source reads the post back by, where it keeps one (post_read_ids); null otherwise. */
  readId: string | null
  /** The count the network gave for the post (stored or refreshed): what the read is marked with. */
  count: number
  /**
   * The topics (among those asked for) the post is on and that name its author among their own
   * accounts: the brand's posts, under which every reply is the brand's conversation.
   */
  ownTopicIds: string[]
  /** The author's handle, lower-cased (for a post by a topic's own account: that account). */
  authorHandle: string | null
}

/**
 * Reads through one source that could not be made (Mastodon: the instance has no id for the
 * status, it cannot find it) after which a post leaves that source's list for that kind: one may
 * be a passing fault, three runs in a row (45 minutes on the default schedule) are a status that
 * instance cannot reach. Other sources keep their own count, so a status one instance cannot find
 * is read through another that can, and posts one source cannot read do not hold the head of its
 * list (never-read first) run after run.
 */
export const MAX_CONVERSATION_MISSES = 3

// Fixed identifiers per kind: never built from input.
const COLUMNS = {
  replies: { count: sql.ref('p.replies'), read: sql.ref('c.replies_read'), misses: sql.ref('own.replies_misses') },
  reposts: { count: sql.ref('p.reposts'), read: sql.ref('c.reposts_read'), misses: sql.ref('own.reposts_misses') },
} as const

/**
 * The workspace's matched posts of the topics on one network whose network count of `kind` has
 * grown past what was last read through any source of the workspace (never read: past zero),
 * the never-read first, then the oldest; a post waits behind the others for each read this
 * source could not make, and leaves its list after MAX_CONVERSATION_MISSES of them. Reposts
 * themselves carry nothing to read. Bounded by `limit`.
 */
export async function conversationsDue(db: Kysely<DB>, workspaceId: string, sourceId: string, topicIds: readonly string[], network: string, kind: ConversationKind, limit: number): Promise<ConversationDue[]> {
  if (topicIds.length === 0 || limit <= 0) return []
  const { count, read, misses } = COLUMNS[kind]
  const topics = sql.join(topicIds)
  const { rows } = await sql<{ id: string | number; external_id: string; created_at: Date | string; read_id: string | null; count: number; author_handle: string | null; topic_ids: string[] | string }>`
    select p.id, p.external_id, p.created_at, ri.read_id, ${count} as count, lower(a.handle) as author_handle,
      array(
        select t.id::text from topics t join topic_posts tp on tp.topic_id = t.id and tp.post_id = p.id
        where t.id in (${topics}) and t.workspace_id = p.workspace_id and exists (
          select 1 from jsonb_array_elements_text(coalesce(t.own_accounts -> p.network, '[]'::jsonb)) own(handle)
          where lower(regexp_replace(trim(own.handle), '^@', '')) = lower(a.handle))
        order by 1) as topic_ids
    from posts p
    left join accounts a on a.id = p.author_id
    left join lateral (select max(${read}) as read from post_conversation_reads c where c.post_id = p.id) r on true
    left join post_conversation_reads own on own.post_id = p.id and own.source_id = ${sourceId}
    left join post_read_ids ri on ri.post_id = p.id and ri.source_id = ${sourceId} and ri.workspace_id = p.workspace_id
    where p.workspace_id = ${workspaceId} and p.network = ${network} and p.repost_of_external_id is null
      and ${count} > coalesce(r.read, 0)
      and coalesce(${misses}, 0) < ${MAX_CONVERSATION_MISSES}
      and exists (select 1 from topic_posts tp where tp.post_id = p.id and tp.topic_id in (${topics}))
    order by (r.read is not null), coalesce(${misses}, 0), p.created_at, p.id
    limit ${limit}`.execute(db)
  return rows.map((r) => ({ id: Number(r.id), externalId: r.external_id, createdAt: new Date(r.created_at), readId: r.read_id, count: r.count, ownTopicIds: textArray(r.topic_ids), authorHandle: r.author_handle }))
}

/** A text[] as the driver gives it: an array, or its literal `{a,b}` form. */
function textArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value
  const inner = value.slice(1, -1)
  return inner === '' ? [] : inner.split(',')
}
