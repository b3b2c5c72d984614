import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import type { DB } from '../db/schema.ts'
import type { OwnAccounts } from '../db/tables/topics.ts'
import { notFound } from '../api/errors.ts'
import { findTopic } from '../topics/find-topic.ts'
import { cursorAfter, feedOrder, keysetCondition } from './feed-cursor.ts'
import { MENTION_COLUMNS, MENTION_FROM, mentionToDto, type MentionRow } from './mention-row.ts'
import type { HandledState, InboxPage, InboxReason } from './schema.ts'
import { WORTH_ANSWERING_BELOW } from '../shared/sentiment-label.ts'

/** Below this sentiment a mention reads as a complaint worth answering (calibrated per language). */
export const NEGATIVE_THRESHOLD = WORTH_ANSWERING_BELOW

export interface InboxRequest { network?: string; reason?: InboxReason; limit: number; cursor?: string }

interface InboxRow extends MentionRow { question: boolean; negative: boolean; direct_mention: boolean }

/**
 * Mentions that need an answer — questions, complaints, posts naming the topic's own accounts —
 * not handled yet, newest first. The brand's own posts are left out.
 */
export function createInboxService({ db }: { db: Kysely<DB> }) {
  return {
    async list(workspaceId: string, topicId: string, request: InboxRequest): Promise<InboxPage> {
      const topic = await findTopic(db, workspaceId, topicId)
      const own = JSON.stringify(ownHandles(topic.ownAccounts))
      const question = sql<SqlBool>`p.is_question`
      const negative = sql<SqlBool>`coalesce(p.sentiment < ${NEGATIVE_THRESHOLD}, false)`
      const direct = sql<SqlBool>`exists (select 1 from own o where o.network = p.network and o.handle = any(p.mentions))`
      const reasons: Record<InboxReason, RawBuilder<SqlBool>> = { question, negative, directMention: direct }
      const conditions: RawBuilder<SqlBool>[] = [
        sql`tp.topic_id = ${topicId}`,
        sql`tp.handled_at is null`,
        request.reason ? reasons[request.reason] : sql`(${question} or ${negative} or ${direct})`,
        sql`not exists (select 1 from own o where o.network = a.network and o.handle = lower(a.handle))`,
      ]
      if (request.network !== undefined) conditions.push(sql`p.network = ${request.network}`)
      const keyset = keysetCondition('newest', request.cursor)
      if (keyset) conditions.push(keyset)
      const { rows } = await sql<InboxRow>`
        with own as (select network, handle from jsonb_to_recordset(${own}::jsonb) as o(network text, handle text))
        select ${MENTION_COLUMNS}, ${question} as question, ${negative} as negative, ${direct} as direct_mention
        from ${MENTION_FROM}
        where ${sql.join(conditions, sql` and `)}
        order by ${feedOrder('newest')}
        limit ${request.limit + 1}`.execute(db)
      const page = rows.slice(0, request.limit)
      const last = page.at(-1)
      return {
        items: page.map((r) => ({ reasons: reasonsOf(r), mention: mentionToDto(r) })),
        nextCursor: rows.length > request.limit && last ? cursorAfter('newest', last) : null,
      }
    },

    async setHandled(workspaceId: string, topicId: string, postId: string, handled: boolean): Promise<HandledState> {
      await findTopic(db, workspaceId, topicId)
      if (!/^\d{1,18}$/.test(postId)) throw notFound('The mention')
      const row = await db
        .updateTable('topic_posts')
        .set({ handled_at: handled ? sql<Date>`coalesce(handled_at, date_trunc('milliseconds', now()))` : null })
        .where('topic_id', '=', topicId)
        .where('post_id', '=', Number(postId))
        .returning('handled_at')
        .executeTakeFirst()
      if (!row) throw notFound('The mention')
      return { postId, handledAt: row.handled_at?.toISOString() ?? null }
    },
  }
}

export type InboxService = ReturnType<typeof createInboxService>

/** posts.mentions holds lower-cased handles without "@"; own accounts are written by people. */
function ownHandles(own: OwnAccounts): { network: string; handle: string }[] {
  return Object.entries(own).flatMap(([network, handles]) => handles.map((h) => ({ network, handle: h.trim().replace(/^@/, '').toLowerCase() })))
}

function reasonsOf(r: InboxRow): InboxReason[] {
  const reasons: InboxReason[] = []
  if (r.question) reasons.push('question')
  if (r.negative) reasons.push('negative')
  if (r.direct_mention) reasons.push('directMention')
  return reasons
}
