import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { storeBatch } from '../ingest/ingest-batch.ts'
import { prepareBatch } from '../ingest/prepare-batch.ts'
import type { TopicMatcher } from '../ingest/topic-matchers.ts'
import type { Connector, PostsPage } from '../networks/connector.ts'
import { rememberReadIds } from './remember-read-ids.ts'
import { conversationsDue, type ConversationDue, type ConversationKind } from './conversations-due.ts'

/**
 * Pages read under one post per run at most (100 reposters or replies a page on Bluesky, 80
 * reposters on Mastodon, one comment tree on Reddit): a post with more is marked read at that
 * point, and read again from the start once its count grows.
 */
export const MAX_PAGES_PER_POST = 10

export interface ConversationRead {
  workspaceId: string
  /** The source read through: the ids it reads the replies back by are kept for it (remember-read-ids.ts). */
  sourceId: string
  topicIds: string[]
  connector: Connector
  /** Every topic of the workspace: a reply is matched against them like any collected post. */
  matchers: readonly TopicMatcher[]
  kind: ConversationKind
  /**
   * Requests this pass may make for this source: no page starts once they are spent (a page that
   * must first find the status's id on the instance costs two, so the last page may pass it by one).
   */
  maxRequests: number
  signal: AbortSignal
}

/** `read`: posts whose pages were walked; `missed`: posts whose read this source could not make. */
export interface ConversationReadResult { requests: number; posts: number; read: number; missed: number }

/**
 * Reads, for the topics' matched posts whose replies (or reposts) the network says have grown
 * since they were last read, the replies under them (or who reposted them), oldest unread first,
 * within the request budget. Each page is stored in the workspace like any collected batch:
 * reposts as posts by the reposter pointing at the post (matching no topic), replies as posts
 * pointing at their parent, matched against the workspace's topics like any post. Under a post
 * by one of a topic's own accounts (the brand's), every reply is also put on that topic: one whose
 * own words do not match is put there as what it is, in the conversation of that account
 * (`via = 'own-account'`, the account in its matched terms, as own-mentions.ts does), so the inbox
 * shows it as addressed to the brand and influence does not count it as writing on the topic.
 * Replies under anyone else's post join a topic only by matching it, so they do not count as
 * someone's posts on the topic (influence) for answering in a thread. Each reply is marked read
 * at its own reply count, since the replies under it came with it. A post is marked read
 * through this source with the count it carried once its pages are walked (a read through any
 * source counts for the post); a budget spent mid-post leaves it unmarked, to be read again next
 * run. A read the source could not make (a Mastodon instance with no id for the status) is not a
 * read: it is kept as this source's miss, so another source of the workspace reads the post, and
 * this one leaves it after MAX_CONVERSATION_MISSES (conversations-due.ts).
 */
export async function readConversations(db: Kysely<DB>, job: ConversationRead): Promise<ConversationReadResult> {
  const result: ConversationReadResult = { requests: 0, posts: 0, read: 0, missed: 0 }
  const { connector, kind } = job
  const readPage = pageReader(connector, kind)
  // Where each account listed is billed (X), the source's own bound applies too, and caps the pages
  // read under one post: below MAX_PAGES_PER_POST, a post with more reposters than one run may read
  // would otherwise be read again from its first page every run, and hold up every other post.
  const billedPages = kind === 'reposts' ? connector.repostPagesPerRun : undefined
  const maxRequests = Math.min(job.maxRequests, billedPages ?? Infinity)
  const pagesPerPost = Math.min(MAX_PAGES_PER_POST, billedPages ?? Infinity)
  if (!readPage || maxRequests <= 0) return result
  const due = await conversationsDue(db, job.workspaceId, job.sourceId, job.topicIds, connector.network, kind, maxRequests)
  for (const post of due) {
    let cursor: string | null = null
    let pages = 0
    let skipped = false
    do {
      if (result.requests >= maxRequests || job.signal.aborted) return result
      const page: PostsPage = await readPage(post, cursor, job.signal)
      result.requests += (page.skippedRead ? 0 : 1) + (page.extraRequests ?? 0)
      pages++
      skipped = page.skippedRead === true
      cursor = page.cursor
      result.posts += await storePage(db, job, post, page)
    } while (cursor !== null && pages < pagesPerPost)
    if (skipped) {
      await markMissed(db, kind, job.sourceId, post)
      result.missed++
    } else {
      await markRead(db, kind, job.sourceId, post)
      result.read++
    }
  }
  return result
}

/** How the connector reads one page of `kind` under a post; undefined where it cannot. */
function pageReader(connector: Connector, kind: ConversationKind): Connector['repliesPage'] {
  return kind === 'replies' ? connector.repliesPage?.bind(connector) : connector.repostsPage?.bind(connector)
}

async function storePage(db: Kysely<DB>, job: ConversationRead, post: ConversationDue, page: PostsPage): Promise<number> {
  if (page.posts.length === 0) return 0
  // Reposts carry no words of their own: they match no topic.
  const prepared = await prepareBatch(job.workspaceId, page, job.kind === 'replies' ? job.matchers : [])
  return db.transaction().execute(async (trx) => {
    const stored = await storeBatch(trx, prepared)
    // As at collection: a reply on a topic is re-read for its counts by the id this source knows it by.
    await rememberReadIds(trx, job.workspaceId, job.sourceId, page.posts)
    if (job.kind === 'replies') {
      const ids = page.posts.map((p) => p.externalId)
      if (post.authorHandle !== null) await putOnTopics(trx, job.workspaceId, job.connector.network, ids, post.ownTopicIds, post.authorHandle)
      await markRepliesRead(trx, job.workspaceId, job.sourceId, job.connector.network, ids)
    }
    return stored.posts
  })
}

/** The replies, on the topics whose own account (`account`) wrote the post they answer (kept as they are where already matched). */
async function putOnTopics(trx: Transaction<DB>, workspaceId: string, network: string, externalIds: string[], topicIds: string[], account: string): Promise<void> {
  if (externalIds.length === 0 || topicIds.length === 0) return
  await sql`
    insert into topic_posts (topic_id, post_id, post_created_at, matched_terms, via)
    select t.id, p.id, p.created_at, array[${'@' + account}]::text[], 'own-account'
    from posts p join topics t on t.workspace_id = p.workspace_id and t.id in (${sql.join(topicIds)})
    where p.workspace_id = ${workspaceId} and p.network = ${network} and p.external_id in (${sql.join(externalIds)})
    on conflict (topic_id, post_id) do nothing`.execute(trx)
}

/**
 * The replies just read came with the replies under them (to the depth the network gave): they are
 * marked read at their own counts, so a later run reads them again only once those grow, and not
 * because they are new on the topic.
 */
async function markRepliesRead(trx: Transaction<DB>, workspaceId: string, sourceId: string, network: string, externalIds: string[]): Promise<void> {
  if (externalIds.length === 0) return
  await sql`
    insert into post_conversation_reads (post_id, source_id, replies_read)
    select p.id, ${sourceId}::uuid, p.replies from posts p
    where p.workspace_id = ${workspaceId} and p.network = ${network} and p.external_id in (${sql.join(externalIds)})
    on conflict (post_id, source_id) do update set replies_read = excluded.replies_read, replies_misses = 0, read_at = now()`.execute(trx)
}

// Fixed column names per kind: never built from input.
const MARKS = {
  replies: { read: 'replies_read', misses: 'replies_misses' },
  reposts: { read: 'reposts_read', misses: 'reposts_misses' },
} as const

/** Read through this source at the post's count: the reads it could not make before are forgotten. */
async function markRead(db: Kysely<DB>, kind: ConversationKind, sourceId: string, post: ConversationDue): Promise<void> {
  const { read, misses } = MARKS[kind]
  await db.insertInto('post_conversation_reads')
    .values({ post_id: post.id, source_id: sourceId, [read]: post.count })
    .onConflict((oc) => oc.columns(['post_id', 'source_id']).doUpdateSet({ [read]: post.count, [misses]: 0, read_at: sql<Date>`now()` }))
    .execute()
}

/** One more read this source could not make; what it read before (if anything) is kept as it was. */
async function markMissed(db: Kysely<DB>, kind: ConversationKind, sourceId: string, post: ConversationDue): Promise<void> {
  const { misses } = MARKS[kind]
  await db.insertInto('post_conversation_reads')
    .values({ post_id: post.id, source_id: sourceId, [misses]: 1 })
    .onConflict((oc) => oc.columns(['post_id', 'source_id']).doUpdateSet({ [misses]: sql<number>`post_conversation_reads.${sql.ref(misses)} + 1`, read_at: sql<Date>`now()` }))
    .execute()
}
