import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { addSummaries, networkSummaries, sentimentDistribution, type NetworkSummaryRow } from '../../analytics/stats/network-summary.ts'
import { volumeBuckets } from '../../analytics/stats/volume-buckets.ts'
import type { NetworkWeek, WeekFigures } from './types.ts'

const HOUR_MS = 3_600_000

function figures(row: Omit<NetworkSummaryRow, 'network'> | undefined): WeekFigures {
  if (!row || row.mentions === 0) return { mentions: 0, authors: 0, engagement: 0, negativeShare: null }
  // The share of negative mentions as the statistics API counts it (of all the mentions).
  return { mentions: row.mentions, authors: row.authors, engagement: row.engagement, negativeShare: sentimentDistribution(row).negative.share }
}

/**
 * The topic's mentions, authors, engagement and negative share for the week [start, end) and the
 * week before, per network and in all — the statistics API's own summaries of both weeks.
 */
export async function weekFigures(db: Kysely<DB>, topicId: string, start: Date, end: Date) {
  const previousStart = new Date(start.getTime() - (end.getTime() - start.getTime()))
  const [current, previous] = await Promise.all([
    networkSummaries(db, topicId, { since: start, until: end }),
    networkSummaries(db, topicId, { since: previousStart, until: start }),
  ])
  const names = [...new Set([...current.map((r) => r.network), ...previous.map((r) => r.network)])]
  const networks: NetworkWeek[] = names
    .map((network) => ({ network, current: figures(current.find((r) => r.network === network)), previous: figures(previous.find((r) => r.network === network)) }))
    .sort((a, b) => b.current.mentions - a.current.mentions || a.network.localeCompare(b.network))
  return { totals: { current: figures(addSummaries(current)), previous: figures(addSummaries(previous)) }, networks }
}

/**
 * Mentions per day of the week, days counted from `start` in 24-hour steps (so they follow the
 * reader's week rather than UTC midnights), added up from the statistics API's hourly volume.
 */
export async function dailyMentions(db: Kysely<DB>, topicId: string, start: Date, end: Date): Promise<{ day: Date; mentions: number }[]> {
  const hours = await volumeBuckets(db, topicId, { since: start, until: end }, 'hour')
  const days = Math.max(1, Math.round((end.getTime() - start.getTime()) / (24 * HOUR_MS)))
  const counts = Array.from({ length: days }, () => 0)
  for (const h of hours) {
    const day = Math.floor((new Date(h.start).getTime() - start.getTime()) / (24 * HOUR_MS))
    if (day >= 0 && day < days) counts[day] += h.mentions
  }
  return counts.map((mentions, i) => ({ day: new Date(start.getTime() + i * 24 * HOUR_MS), mentions }))
}
