import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import { z } from 'zod'
import type { DB } from '../../platform/db/schema.ts'
import type { OwnAccounts } from '../../platform/db/tables/topics.ts'
import { notFound } from '../../platform/shared/errors.ts'
import { decodeCursor, encodeCursor } from '../../platform/shared/cursor.ts'
import { findTopic } from '../../tenancy/topics/find-topic.ts'
import { negativeMention } from './inbox-negative.ts'
import { reachSql, recencySql, URGENCY, whyInInbox } from './inbox-priority.ts'
import { MENTION_COLUMNS, MENTION_FROM, mentionToDto, type MentionRow } from './mention-row.ts'
import type { HandledState, InboxPage, InboxReason } from './schema.ts'

export { NEGATIVE_THRESHOLD } from './inbox-negative.ts'

/** Unhandled mentions ranked at most: the most recent ones (recency halves daily, so older ones would rank last anyway). */
export const MAX_CANDIDATES = 2000

export interface InboxRequest { network?: string; reason?: InboxReason; limit: number; cursor?: string }

interface InboxRow extends MentionRow {
  question: boolean; negative: boolean; direct_mention: boolean; own_account: string | null; in_own_thread: boolean
  reach: number; urgency: number; recency: number; priority: number
  conversation: string; conversation_priority: number; conversation_size: number
}

// The cursor keeps the time the first page was computed at, so recency (hence the order) stays
// the same while a client walks the pages; then the sort key of the last item served.
const cursorShape = z.tuple([z.iso.datetime(), z.number(), z.string().max(2048), z.number(), z.number().int().nonnegative()])

/**
 * Mentions that need an answer — questions, complaints, posts naming the topic's own accounts —
 * not handled yet, by priority (inbox-priority.ts), grouped by conversation: the conversation of
 * the highest priority first, its items together, each with why it is there. The brand's own
 * posts are left out.
 */
export function createInboxService({ db, now = () => new Date() }: { db: Kysely<DB>; now?: () => Date }) {
  return {
    async list(workspaceId: string, topicId: string, request: InboxRequest): Promise<InboxPage> {
      const topic = await findTopic(db, workspaceId, topicId)
      const after = request.cursor ? decodeCursor(request.cursor, cursorShape) : null
      // Recency is read at the start of the current hour: the same request gives the same page
      // within the hour (as the analytics do), and no ranking moves between two clicks.
      const asOf = after ? new Date(after[0]) : new Date(Math.floor(now().getTime() / 3_600_000) * 3_600_000)
      const own = JSON.stringify(ownHandles(topic.ownAccounts))
      const question = sql<SqlBool>`p.is_question`
      const negative = negativeMention()
      // Named in the post, or collected as mentioning or answering the account (own-mentions.ts).
      const direct = sql<SqlBool>`(tp.via = 'own-account' or exists (select 1 from own o where o.network = p.network and o.handle = any(p.mentions)))`
      const ownAccount = sql<string | null>`(case when tp.via = 'own-account' then tp.matched_terms[1] else (select '@' || o.handle from own o where o.network = p.network and o.handle = any(p.mentions) limit 1) end)`
      // Put on the topic as a reply under the account's post, without naming the account itself.
      const inOwnThread = sql<SqlBool>`(tp.via = 'own-account' and p.reply_to_external_id is not null and not (substr(tp.matched_terms[1], 2) = any(p.mentions)))`
      const reasons: Record<InboxReason, RawBuilder<SqlBool>> = { question, negative, directMention: direct }
      const conditions: RawBuilder<SqlBool>[] = [
        sql`tp.topic_id = ${topicId}`,
        sql`tp.handled_at is null`,
        request.reason ? reasons[request.reason] : sql`(${question} or ${negative} or ${direct})`,
        sql`not exists (select 1 from own o where o.network = a.network and o.handle = lower(a.handle))`,
      ]
      if (request.network !== undefined) conditions.push(sql`p.network = ${request.network}`)
      const urgency = sql<number>`((case when ${direct} then ${URGENCY.directMention} else 0 end) + (case when ${question} then ${URGENCY.question} else 0 end) + (case when ${negative} then ${URGENCY.negative} else 0 end))::float8`
      const keyset = after ? sql`where (-conversation_priority, conversation, -priority, id) > (${-after[1]}, ${after[2]}, ${-after[3]}, ${after[4]})` : sql``
      const { rows } = await sql<InboxRow>`
        with recursive own as (select network, handle from jsonb_to_recordset(${own}::jsonb) as o(network text, handle text)),
        items as (
          select ${MENTION_COLUMNS}, ${question} as question, ${negative} as negative, ${direct} as direct_mention, ${ownAccount} as own_account, ${inOwnThread} as in_own_thread,
            p.external_id, p.reply_to_external_id, ${reachSql()} as reach, ${urgency} as urgency, ${recencySql(asOf)} as recency
          from ${MENTION_FROM}
          where ${sql.join(conditions, sql` and `)}
          order by tp.post_created_at desc
          limit ${MAX_CANDIDATES}
        ),
        -- Up the reply chain through the stored posts (20 steps at most): a conversation is named by its first post.
        chain as (
          select i.id, i.network, coalesce(i.reply_to_external_id, i.external_id) as root, i.reply_to_external_id as parent, 0 as depth from items i
          union all
          select c.id, c.network, coalesce(pp.reply_to_external_id, pp.external_id), pp.reply_to_external_id, c.depth + 1
          from chain c join posts pp on pp.workspace_id = ${workspaceId} and pp.network = c.network and pp.external_id = c.parent
          where c.parent is not null and c.depth < 20
        ),
        roots as (select distinct on (id) id, network || ' ' || root as conversation from chain order by id, depth desc),
        ranked as (
          select i.*, (i.reach * i.urgency * i.recency)::float8 as priority, r.conversation from items i join roots r on r.id = i.id
        ),
        grouped as (
          select ranked.*, max(priority) over w as conversation_priority, count(*) over w ::int as conversation_size
          from ranked window w as (partition by conversation)
        )
        select * from grouped ${keyset}
        order by conversation_priority desc, conversation, priority desc, id
        limit ${request.limit + 1}`.execute(db)
      const page = rows.slice(0, request.limit)
      const last = page.at(-1)
      return {
        asOf: asOf.toISOString(),
        items: page.map((r) => {
          const itemReasons = reasonsOf(r)
          return {
            reasons: itemReasons,
            why: whyInInbox(itemReasons, { ownAccount: r.own_account, inOwnThread: r.in_own_thread, reach: r.reach, urgency: r.urgency, recency: r.recency, followers: r.author_followers ?? 0, engagement: r.engagement, ageHours: Math.max(0, (asOf.getTime() - r.post_created_at.getTime()) / 3_600_000) }),
            priority: { score: r.priority, reach: round(r.reach), urgency: r.urgency, recency: round(r.recency) },
            conversation: { id: r.conversation, size: r.conversation_size, priority: r.conversation_priority },
            mention: mentionToDto(r),
          }
        }),
        nextCursor: rows.length > request.limit && last ? encodeCursor([asOf.toISOString(), last.conversation_priority, last.conversation, last.priority, last.id]) : null,
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

const round = (x: number) => Math.round(x * 1000) / 1000

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
