import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import { round } from '../numbers.ts'
import { recentMentions, risingCounts, type CountRow, type TrendWindows } from './rising-counts.ts'
import type { TopicTrends, Trend } from './schema.ts'

/** How many windows before the recent one make a value's own baseline. */
export const BASELINE_WINDOWS = 4

export interface TrendOptions { window: string; windowMs: number; end: Date; network?: string; minCount: number; minScore: number; limit: number }

/**
 * Hashtags and terms rising against their own past: posts using each in the recent window
 * against its mean over the previous windows, scored (recent − baseline) / √(baseline + 1).
 */
export async function computeTrends(db: Kysely<DB>, topicId: string, o: TrendOptions): Promise<TopicTrends> {
  const windows: TrendWindows = {
    end: o.end,
    recentStart: new Date(o.end.getTime() - o.windowMs),
    baselineStart: new Date(o.end.getTime() - (BASELINE_WINDOWS + 1) * o.windowMs),
  }
  const [hashtags, terms, mentions] = await Promise.all([
    risingCounts(db, topicId, 'hashtags', windows, o.minCount, o.network),
    risingCounts(db, topicId, 'terms', windows, o.minCount, o.network),
    recentMentions(db, topicId, windows, o.network),
  ])
  const networks = [...new Set([...mentions.keys(), ...(o.network ? [o.network] : [])])].sort()
  return {
    window: o.window,
    recentStart: windows.recentStart.toISOString(),
    end: windows.end.toISOString(),
    baselineStart: windows.baselineStart.toISOString(),
    baselineWindows: BASELINE_WINDOWS,
    minCount: o.minCount,
    minScore: o.minScore,
    networks: networks.map((network) => ({
      network,
      recentMentions: mentions.get(network) ?? 0,
      hashtags: rising(hashtags, network, o),
      terms: rising(terms, network, o),
    })),
  }
}

function rising(rows: readonly CountRow[], network: string, o: TrendOptions): Trend[] {
  return rows
    .filter((r) => r.network === network)
    .map((r) => {
      const baseline = r.earlier / BASELINE_WINDOWS
      return {
        value: r.value,
        recent: r.recent,
        baseline: round(baseline, 2),
        score: round((r.recent - baseline) / Math.sqrt(baseline + 1), 2),
        changePct: baseline > 0 ? round(((r.recent - baseline) / baseline) * 100, 1) : null,
      }
    })
    .filter((t) => t.recent >= o.minCount && t.score >= o.minScore)
    .sort((a, b) => b.score - a.score || b.recent - a.recent || (a.value < b.value ? -1 : 1))
    .slice(0, o.limit)
}
