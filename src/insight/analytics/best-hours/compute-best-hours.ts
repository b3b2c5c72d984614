import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { AppError } from '../../../platform/shared/errors.ts'
import { notEnoughData } from '../confidence.ts'
import { postEngagement } from '../engagement.ts'
import type { TimeRange } from '../time-window.ts'
import { round } from '../numbers.ts'
import type { BestHours } from './schema.ts'
import { shrinkCells, type Cell } from './shrink-cells.ts'

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
const BEST_SLOTS = 5
/** Posts a network (or all networks together) needs before any hour is recommended. */
export const MIN_POSTS_FOR_BEST_HOURS = 50

interface SlotRow { network: string; dow: number; hour: number; posts: number; engagement: number; squares: number }

/**
 * Engagement by local hour of the week (ISO days, Monday first), per network and for all
 * networks, with the hours whose posts drew the most engagement once each hour's mean is shrunk
 * toward the overall mean by how few posts it holds (shrink-cells.ts). The conversion to local
 * time happens in the database, so daylight-saving changes inside the range are honoured.
 */
export async function computeBestHours(db: Kysely<DB>, topicId: string, range: TimeRange, timeZone: string, minPosts: number, network?: string): Promise<BestHours> {
  const rows = await slotRows(db, topicId, range, timeZone, network)
  const networks = [...new Set(rows.map((r) => r.network))].sort()
  const groups = [{ network: 'all', rows }, ...networks.map((n) => ({ network: n, rows: rows.filter((r) => r.network === n) }))]
  return {
    timeZone,
    since: range.since.toISOString(),
    until: range.until.toISOString(),
    minPosts,
    minTotalPosts: MIN_POSTS_FOR_BEST_HOURS,
    networks: groups.map((g) => summarise(g.network, g.rows, minPosts)),
  }
}

async function slotRows(db: Kysely<DB>, topicId: string, range: TimeRange, timeZone: string, network?: string): Promise<SlotRow[]> {
  try {
    const { rows } = await sql<SlotRow>`
      select p.network,
        extract(isodow from tp.post_created_at at time zone ${timeZone})::int as dow,
        extract(hour from tp.post_created_at at time zone ${timeZone})::int as hour,
        count(*)::int as posts,
        coalesce(sum(${postEngagement}), 0)::float8 as engagement,
        coalesce(sum((${postEngagement})::float8 ^ 2), 0)::float8 as squares
      from topic_posts tp join posts p on p.id = tp.post_id
      where tp.topic_id = ${topicId} and tp.post_created_at >= ${range.since} and tp.post_created_at < ${range.until}
        ${network === undefined ? sql`` : sql`and p.network = ${network}`}
      group by 1, 2, 3`.execute(db)
    return rows
  } catch (error) {
    // A zone the runtime knows but this database does not (different tz data versions).
    if ((error as { code?: string }).code === '22023') throw new AppError('validation_failed', `The database does not know the time zone "${timeZone}".`)
    throw error
  }
}

function summarise(network: string, rows: readonly SlotRow[], minPosts: number): BestHours['networks'][number] {
  const cells: Cell[][] = DAYS.map(() => Array.from({ length: 24 }, () => ({ posts: 0, engagement: 0, squares: 0 })))
  for (const r of rows) {
    const c = cells[r.dow - 1][r.hour]
    c.posts += r.posts
    c.engagement += r.engagement
    c.squares += r.squares
  }
  const total = rows.reduce((s, r) => s + r.posts, 0)
  const shrinkage = shrinkCells(cells.flat())
  const slots = cells.flatMap((day, d) => day.map((c, hour) => ({
    day: DAYS[d], hour, posts: c.posts,
    engagementPerPost: c.posts ? round(c.engagement / c.posts, 4) : 0,
    expectedEngagementPerPost: round(shrinkage.shrunk(c) ?? 0, 4),
  })))
  const enough = total >= MIN_POSTS_FOR_BEST_HOURS
  return {
    network,
    posts: total,
    enoughData: enough,
    notice: enough ? null : notEnoughData(total, MIN_POSTS_FOR_BEST_HOURS, { en: ['post in the period', 'posts in the period'], fr: ['publication sur la période', 'publications sur la période'] }),
    meanEngagementPerPost: round(shrinkage.overallMean, 4),
    priorPosts: shrinkage.priorPosts === null ? null : round(shrinkage.priorPosts, 2),
    hourOfWeek: {
      posts: cells.map((day) => day.map((c) => c.posts)),
      engagementPerPost: cells.map((day) => day.map((c) => (c.posts ? round(c.engagement / c.posts, 4) : null))),
      expectedEngagementPerPost: cells.map((day) => day.map((c) => { const v = shrinkage.shrunk(c); return v === null ? null : round(v, 4) })),
    },
    bestSlots: enough
      ? slots
        .filter((s) => s.posts >= minPosts)
        .sort((a, b) => b.expectedEngagementPerPost - a.expectedEngagementPerPost || b.posts - a.posts)
        .slice(0, BEST_SLOTS)
      : [],
  }
}
