import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { AppError } from '../../platform/shared/errors.ts'
import { computeBestHours } from './best-hours/compute-best-hours.ts'
import type { VersionedCache } from './cache/versioned-cache.ts'
import { computeNetworkFit } from './network-fit/compute-network-fit.ts'
import { computeStats } from './stats/compute-stats.ts'
import type { Granularity } from './stats/volume-buckets.ts'
import { computeTrends } from './trends/compute-trends.ts'
import { TREND_WINDOW_PATTERN } from './trends/schema.ts'
import { DAY_MS, endOfCurrentHour, HOUR_MS, resolveRange } from './time-window.ts'

interface RangeQuery { since?: string; until?: string }

/** Limits on the ranges asked for, so one request stays cheap. */
const MAX_DAYS = { hour: 31, day: 366 } as const
const MAX_TREND_WINDOW_MS = 30 * DAY_MS

/**
 * The analytics of a topic. Each call checks the topic belongs to the workspace, resolves its
 * parameters (defaults anchored at the end of the current hour) and returns the ETag with a way to
 * get the result, computed once per topic data version.
 */
export function createAnalyticsService(deps: { db: Kysely<DB>; cache: VersionedCache; now?: () => Date }) {
  const { db, cache } = deps
  const now = deps.now ?? (() => new Date())
  return {
    stats(workspaceId: string, topicId: string, q: RangeQuery & { granularity: Granularity }) {
      const range = resolveRange(q, now(), q.granularity === 'hour' ? 7 : 30, MAX_DAYS[q.granularity])
      return cache.prepare('stats', workspaceId, topicId, [range, q.granularity], () => computeStats(db, topicId, range, q.granularity))
    },

    trends(workspaceId: string, topicId: string, q: { window: string; until?: string; network?: string; minCount: number; minScore: number; limit: number }) {
      const windowMs = trendWindowMs(q.window)
      const end = q.until ? new Date(q.until) : endOfCurrentHour(now())
      const options = { ...q, windowMs, end }
      return cache.prepare('trends', workspaceId, topicId, options, () => computeTrends(db, topicId, options))
    },

    networkFit(workspaceId: string, topicId: string, q: RangeQuery) {
      const range = resolveRange(q, now(), 30, MAX_DAYS.day)
      return cache.prepare('network-fit', workspaceId, topicId, range, () => computeNetworkFit(db, topicId, range))
    },

    bestHours(workspaceId: string, topicId: string, q: RangeQuery & { tz: string; network?: string; minPosts: number }) {
      const range = resolveRange(q, now(), 90, MAX_DAYS.day)
      return cache.prepare('best-hours', workspaceId, topicId, [range, q.tz, q.network ?? null, q.minPosts], () =>
        computeBestHours(db, topicId, range, q.tz, q.minPosts, q.network))
    },
  }
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>

function trendWindowMs(window: string): number {
  const match = TREND_WINDOW_PATTERN.exec(window)
  const ms = match ? Number(match[1]) * (match[2] === 'd' ? DAY_MS : HOUR_MS) : 0
  if (ms < HOUR_MS || ms > MAX_TREND_WINDOW_MS) throw new AppError('validation_failed', 'querystring.window: a window from 1h to 30d, such as 24h or 7d.')
  return ms
}
