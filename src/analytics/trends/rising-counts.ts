import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { DB } from '../../db/schema.ts'

export interface TrendWindows { baselineStart: Date; recentStart: Date; end: Date }
export interface CountRow { network: string; value: string; recent: number; earlier: number }

/** Hashtags of each post (stored lower-cased and deduplicated). */
const HASHTAGS = sql`unnest(p.hashtags) as v(value)`
/**
 * Word stems of each post, from its full-text vector; only posts in a language with stemming
 * (the `simple` configuration keeps stop words), no numbers, no one- or two-letter stems.
 */
const TERMS = sql`unnest(p.search_vector) as v(value, positions, weights)`
const TERMS_FILTER = sql`and p.search_config <> 'simple'::regconfig and length(v.value) >= 3 and v.value !~ '^[0-9]+$'`

/** Per network and value: posts using it in the recent window and in the baseline windows before it. */
export async function risingCounts(db: Kysely<DB>, topicId: string, kind: 'hashtags' | 'terms', windows: TrendWindows, minCount: number, network?: string): Promise<CountRow[]> {
  const source: RawBuilder<unknown> = kind === 'hashtags' ? HASHTAGS : TERMS
  const { rows } = await sql<CountRow>`
    select p.network, v.value,
      count(*) filter (where tp.post_created_at >= ${windows.recentStart})::int as recent,
      count(*) filter (where tp.post_created_at < ${windows.recentStart})::int as earlier
    from topic_posts tp
    join posts p on p.id = tp.post_id
    cross join lateral ${source}
    where tp.topic_id = ${topicId} and tp.post_created_at >= ${windows.baselineStart} and tp.post_created_at < ${windows.end}
      ${network === undefined ? sql`` : sql`and p.network = ${network}`}
      ${kind === 'terms' ? TERMS_FILTER : sql``}
    group by p.network, v.value
    having count(*) filter (where tp.post_created_at >= ${windows.recentStart}) >= ${minCount}`.execute(db)
  return rows
}

/** Mentions per network in the recent window. */
export async function recentMentions(db: Kysely<DB>, topicId: string, windows: TrendWindows, network?: string): Promise<Map<string, number>> {
  const { rows } = await sql<{ network: string; mentions: number }>`
    select p.network, count(*)::int as mentions
    from topic_posts tp join posts p on p.id = tp.post_id
    where tp.topic_id = ${topicId} and tp.post_created_at >= ${windows.recentStart} and tp.post_created_at < ${windows.end}
      ${network === undefined ? sql`` : sql`and p.network = ${network}`}
    group by p.network`.execute(db)
  return new Map(rows.map((r) => [r.network, r.mentions]))
}
