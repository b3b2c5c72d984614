// The reads behind the live mention stream: which matches of a topic were stored since a point
// (by `topic_posts.matched_at`, in µs, indexed per topic), and those matches as mentions, exactly
// as the feed serves them.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { MENTION_COLUMNS, MENTION_FROM, mentionToDto, type MentionRow } from './mention-row.ts'
import type { Mention } from './schema.ts'

export interface MatchMark { postId: number; matchedUs: number }

/** A mention with the place it takes in the stream: its match time and post id, as an event id. */
export interface LiveMention { eventId: string; mark: MatchMark; mention: Mention }

export const eventIdOf = (mark: MatchMark) => `${mark.matchedUs}.${mark.postId}`

/** The mark an event id names; null when it is none this API issued. */
export function markOfEventId(id: string | undefined): MatchMark | null {
  const found = /^(\d{1,17})\.(\d{1,17})$/.exec(id?.trim() ?? '')
  if (found === null) return null
  const mark = { matchedUs: Number(found[1]), postId: Number(found[2]) }
  return Number.isSafeInteger(mark.matchedUs) && Number.isSafeInteger(mark.postId) ? mark : null
}

const matchedUs = sql<number>`(extract(epoch from tp.matched_at) * 1000000)::bigint`
const atUs = (us: number) => sql`(timestamptz 'epoch' + ${us}::bigint * interval '1 microsecond')`

/** The database's clock, in µs: match times are its own. */
export async function databaseNowUs(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ now_us: number }>`select (extract(epoch from now()) * 1000000)::bigint as now_us`.execute(db)
  return Number(rows[0].now_us)
}

/** Matches of the topic stored at or after `sinceUs`, oldest first. */
export async function matchesSince(db: Kysely<DB>, topicId: string, sinceUs: number, limit: number): Promise<MatchMark[]> {
  const { rows } = await sql<{ post_id: number; matched_us: number }>`
    select tp.post_id, ${matchedUs} as matched_us from topic_posts tp
    where tp.topic_id = ${topicId} and tp.matched_at >= ${atUs(sinceUs)}
    order by tp.matched_at, tp.post_id limit ${limit}`.execute(db)
  return rows.map((row) => ({ postId: Number(row.post_id), matchedUs: Number(row.matched_us) }))
}

/** Matches of the topic after `mark` (by match time, then post id), oldest first: a resumed stream's replay. */
export async function matchesAfter(db: Kysely<DB>, topicId: string, mark: MatchMark, limit: number): Promise<MatchMark[]> {
  const { rows } = await sql<{ post_id: number; matched_us: number }>`
    select tp.post_id, ${matchedUs} as matched_us from topic_posts tp
    where tp.topic_id = ${topicId} and tp.matched_at >= ${atUs(mark.matchedUs)}
      and (tp.matched_at > ${atUs(mark.matchedUs)} or tp.post_id > ${mark.postId})
    order by tp.matched_at, tp.post_id limit ${limit}`.execute(db)
  return rows.map((row) => ({ postId: Number(row.post_id), matchedUs: Number(row.matched_us) }))
}

/** The marked matches as mentions, in the marks' order; a match gone meanwhile (a deleted post) is left out. */
export async function liveMentions(db: Kysely<DB>, topicId: string, marks: readonly MatchMark[]): Promise<LiveMention[]> {
  if (marks.length === 0) return []
  const { rows } = await sql<MentionRow>`
    select ${MENTION_COLUMNS} from ${MENTION_FROM}
    where tp.topic_id = ${topicId} and tp.post_id in (${sql.join(marks.map((mark) => mark.postId))})`.execute(db)
  const byId = new Map(rows.map((row) => [Number(row.id), row]))
  return marks.flatMap((mark) => {
    const row = byId.get(mark.postId)
    return row === undefined ? [] : [{ eventId: eventIdOf(mark), mark, mention: mentionToDto(row) }]
  })
}
