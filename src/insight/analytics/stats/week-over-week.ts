import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { postEngagement } from '../engagement.ts'
import { DAY_MS } from '../time-window.ts'
import { percentChange, round } from '../numbers.ts'
import type { WeekOverWeek } from './schema.ts'

interface WeekRow { current: boolean; mentions: number; authors: number; engagement: number; sentiment: number | null }

/** The 7 days before `until` against the 7 days before those. */
export async function weekOverWeek(db: Kysely<DB>, topicId: string, until: Date): Promise<WeekOverWeek> {
  const currentStart = new Date(until.getTime() - 7 * DAY_MS)
  const previousStart = new Date(until.getTime() - 14 * DAY_MS)
  const { rows } = await sql<WeekRow>`
    select tp.post_created_at >= ${currentStart} as current,
      count(*)::int as mentions,
      count(distinct p.author_id)::int as authors,
      coalesce(sum(${postEngagement}), 0)::float8 as engagement,
      avg(p.sentiment)::float8 as sentiment
    from topic_posts tp join posts p on p.id = tp.post_id
    where tp.topic_id = ${topicId} and tp.post_created_at >= ${previousStart} and tp.post_created_at < ${until}
    group by 1`.execute(db)
  const empty: WeekRow = { current: false, mentions: 0, authors: 0, engagement: 0, sentiment: null }
  const cur = rows.find((r) => r.current) ?? empty
  const prev = rows.find((r) => !r.current) ?? empty
  const compare = (c: number | null, p: number | null, digits = 4) => ({
    current: c === null ? null : round(c, digits),
    previous: p === null ? null : round(p, digits),
    change: c === null || p === null ? null : round(c - p, digits),
    changePct: percentChange(c, p),
  })
  return {
    currentStart: currentStart.toISOString(),
    previousStart: previousStart.toISOString(),
    mentions: compare(cur.mentions, prev.mentions),
    authors: compare(cur.authors, prev.authors),
    engagement: compare(cur.engagement, prev.engagement),
    meanSentiment: compare(cur.sentiment, prev.sentiment),
  }
}
