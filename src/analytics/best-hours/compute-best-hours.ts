import { sql, type Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import { AppError } from '../../api/errors.ts'
import { postEngagement } from '../engagement.ts'
import type { TimeRange } from '../time-window.ts'
import { round } from '../numbers.ts'
import type { BestHours } from './schema.ts'

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
const BEST_SLOTS = 5

interface SlotRow { network: string; dow: number; hour: number; posts: number; engagement: number }

/**
 * Engagement by local hour of the week (ISO days, Monday first), per network and for all
 * networks, with the hours whose posts drew the most engagement. The conversion to local time
 * happens in the database, so daylight-saving changes inside the range are honoured.
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
        coalesce(sum(${postEngagement}), 0)::float8 as engagement
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
  const posts = DAYS.map(() => new Array<number>(24).fill(0))
  const engagement = DAYS.map(() => new Array<number>(24).fill(0))
  for (const r of rows) {
    posts[r.dow - 1][r.hour] += r.posts
    engagement[r.dow - 1][r.hour] += r.engagement
  }
  const perPost = posts.map((day, d) => day.map((n, h) => (n ? round(engagement[d][h] / n, 4) : null)))
  const slots = posts.flatMap((day, d) => day.map((n, hour) => ({ day: DAYS[d], hour, posts: n, engagementPerPost: perPost[d][hour] ?? 0 })))
  return {
    network,
    posts: rows.reduce((s, r) => s + r.posts, 0),
    hourOfWeek: { posts, engagementPerPost: perPost },
    bestSlots: slots
      .filter((s) => s.posts >= minPosts)
      .sort((a, b) => b.engagementPerPost - a.engagementPerPost || b.posts - a.posts)
      .slice(0, BEST_SLOTS),
  }
}
