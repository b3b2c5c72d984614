import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'

export interface TrendWindows { baselineStart: Date; recentStart: Date; end: Date }
export interface TrendPost { network: string; authorId: number | null; createdAt: Date; recent: boolean; text: string; lang: string | null; hashtags: string[] }

/**
 * Posts read at most per request. Beyond, an even sample of the range is read (every k-th post
 * id), which keeps every share the scores compare; the response says how many were read.
 */
export const MAX_TREND_POSTS = 40_000

/**
 * When collection began to cover each network, for this topic: the time of its earliest 1% of
 * posts (a few old posts pulled in as replies' parents do not pretend to a history). Windows
 * before it are not counted as silence.
 */
export async function coverageStarts(db: Kysely<DB>, topicId: string, network?: string): Promise<Map<string, Date>> {
  const { rows } = await sql<{ network: string; start: Date }>`
    select p.network, percentile_disc(0.01) within group (order by tp.post_created_at) as start
    from topic_posts tp join posts p on p.id = tp.post_id
    where tp.topic_id = ${topicId} ${network === undefined ? sql`` : sql`and p.network = ${network}`}
    group by p.network`.execute(db)
  return new Map(rows.map((r) => [r.network, new Date(r.start)]))
}

/** The topic's own posts (no plain reposts: they repeat words, not use them) in the baseline and recent windows. */
export async function trendPosts(db: Kysely<DB>, topicId: string, w: TrendWindows, network?: string): Promise<{ posts: TrendPost[]; total: number }> {
  const scope = sql`tp.topic_id = ${topicId} and tp.post_created_at >= ${w.baselineStart} and tp.post_created_at < ${w.end}
    and p.repost_of_external_id is null ${network === undefined ? sql`` : sql`and p.network = ${network}`}`
  const { rows: [{ total }] } = await sql<{ total: number }>`
    select count(*)::int as total from topic_posts tp join posts p on p.id = tp.post_id where ${scope}`.execute(db)
  const stride = Math.max(1, Math.ceil(total / MAX_TREND_POSTS))
  const { rows } = await sql<{ network: string; author_id: number | null; created_at: Date; recent: boolean; text: string; lang: string | null; hashtags: string[] }>`
    select p.network, p.author_id, tp.post_created_at as created_at, tp.post_created_at >= ${w.recentStart} as recent, left(p.text, 5000) as text, p.lang, p.hashtags
    from topic_posts tp join posts p on p.id = tp.post_id
    where ${scope} ${stride > 1 ? sql`and tp.post_id % ${stride} = 0` : sql``}
    limit ${MAX_TREND_POSTS + stride}`.execute(db)
  return { posts: rows.map((r) => ({ network: r.network, authorId: r.author_id, createdAt: new Date(r.created_at), recent: r.recent, text: r.text, lang: r.lang, hashtags: r.hashtags })), total }
}
