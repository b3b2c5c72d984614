import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import type { TimeRange } from '../time-window.ts'
import { round } from '../numbers.ts'
import { addSummaries, engagementRate, networkSummaries, sentimentDistribution } from './network-summary.ts'
import type { TopicStats } from './schema.ts'
import { volumeBuckets, type Granularity } from './volume-buckets.ts'
import { weekOverWeek } from './week-over-week.ts'

/** A topic's statistics over a range, computed in three aggregate queries. */
export async function computeStats(db: Kysely<DB>, topicId: string, range: TimeRange, granularity: Granularity): Promise<TopicStats> {
  const [summaries, volume, wow] = await Promise.all([
    networkSummaries(db, topicId, range),
    volumeBuckets(db, topicId, range, granularity),
    weekOverWeek(db, topicId, range.until),
  ])
  const total = addSummaries(summaries)
  return {
    since: range.since.toISOString(),
    until: range.until.toISOString(),
    granularity,
    totals: { mentions: total.mentions, uniqueAuthors: total.authors, engagementRate: engagementRate(total), sentiment: sentimentDistribution(total) },
    networks: summaries.map((r) => ({
      network: r.network,
      mentions: r.mentions,
      share: total.mentions ? round(r.mentions / total.mentions, 4) : 0,
      uniqueAuthors: r.authors,
      engagementRate: engagementRate(r),
      sentiment: sentimentDistribution(r),
    })),
    volume,
    weekOverWeek: wow,
  }
}
