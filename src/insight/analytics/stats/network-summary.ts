import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { postEngagement } from '../engagement.ts'
import type { TimeRange } from '../time-window.ts'
import { round } from '../numbers.ts'
import type { EngagementRate, SentimentDistribution } from './schema.ts'
import { NEUTRAL_BAND } from '../../../platform/shared/sentiment-label.ts'


export interface NetworkSummaryRow {
  network: string
  mentions: number
  authors: number
  engagement: number
  engagement_known: number
  followers_known: number
  posts_known: number
  negative: number
  neutral: number
  positive: number
  unknown: number
}

/** Per network: mentions, distinct authors, engagement (with its follower basis) and sentiment labels (one definition: src/platform/shared/sentiment-label.ts). */
export async function networkSummaries(db: Kysely<DB>, topicId: string, range: TimeRange): Promise<NetworkSummaryRow[]> {
  const { rows } = await sql<NetworkSummaryRow>`
    select p.network,
      count(*)::int as mentions,
      count(distinct p.author_id)::int as authors,
      coalesce(sum(${postEngagement}), 0)::float8 as engagement,
      coalesce(sum(${postEngagement}) filter (where a.followers_count > 0), 0)::float8 as engagement_known,
      coalesce(sum(a.followers_count) filter (where a.followers_count > 0), 0)::float8 as followers_known,
      count(*) filter (where a.followers_count > 0)::int as posts_known,
      count(*) filter (where p.sentiment < ${-NEUTRAL_BAND})::int as negative,
      count(*) filter (where p.sentiment between ${-NEUTRAL_BAND} and ${NEUTRAL_BAND})::int as neutral,
      count(*) filter (where p.sentiment > ${NEUTRAL_BAND})::int as positive,
      count(*) filter (where p.sentiment is null)::int as unknown
    from topic_posts tp
    join posts p on p.id = tp.post_id
    left join accounts a on a.id = p.author_id
    where tp.topic_id = ${topicId} and tp.post_created_at >= ${range.since} and tp.post_created_at < ${range.until}
    group by p.network
    order by mentions desc, p.network`.execute(db)
  return rows
}

/** The rows of several networks added up (authors add up: an account lives on one network). */
export function addSummaries(rows: readonly NetworkSummaryRow[]): Omit<NetworkSummaryRow, 'network'> {
  const total = { mentions: 0, authors: 0, engagement: 0, engagement_known: 0, followers_known: 0, posts_known: 0, negative: 0, neutral: 0, positive: 0, unknown: 0 }
  for (const r of rows) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k]
  return total
}

export function engagementRate(r: Omit<NetworkSummaryRow, 'network'>): EngagementRate {
  return {
    engagement: r.engagement,
    perPost: r.mentions ? round(r.engagement / r.mentions, 4) : null,
    perFollower: r.followers_known ? round(r.engagement_known / r.followers_known, 6) : null,
    postsWithFollowerCount: r.posts_known,
  }
}

export function sentimentDistribution(r: Omit<NetworkSummaryRow, 'network'>): SentimentDistribution {
  const band = (count: number) => ({ count, share: r.mentions ? round(count / r.mentions, 4) : 0 })
  return { negative: band(r.negative), neutral: band(r.neutral), positive: band(r.positive), unknown: band(r.unknown) }
}
