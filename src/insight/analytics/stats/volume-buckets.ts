import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { DAY_MS, HOUR_MS, type TimeRange } from '../time-window.ts'

export type Granularity = 'day' | 'hour'

export interface VolumeBucket { start: string; mentions: number; byNetwork: Record<string, number> }

/** Mentions per UTC day or hour and per network, every bucket of the range listed (empty ones as 0). */
export async function volumeBuckets(db: Kysely<DB>, topicId: string, range: TimeRange, granularity: Granularity): Promise<VolumeBucket[]> {
  const { rows } = await sql<{ bucket: Date; network: string; mentions: number }>`
    select date_trunc(${granularity}, tp.post_created_at, 'UTC') as bucket, p.network, count(*)::int as mentions
    from topic_posts tp join posts p on p.id = tp.post_id
    where tp.topic_id = ${topicId} and tp.post_created_at >= ${range.since} and tp.post_created_at < ${range.until}
    group by 1, 2`.execute(db)
  const step = granularity === 'day' ? DAY_MS : HOUR_MS
  const buckets = new Map<number, VolumeBucket>()
  // UTC buckets are whole multiples of the step since the epoch.
  for (let t = Math.floor(range.since.getTime() / step) * step; t < range.until.getTime(); t += step)
    buckets.set(t, { start: new Date(t).toISOString(), mentions: 0, byNetwork: {} })
  for (const r of rows) {
    const bucket = buckets.get(r.bucket.getTime())
    if (!bucket) continue
    bucket.mentions += r.mentions
    bucket.byNetwork[r.network] = (bucket.byNetwork[r.network] ?? 0) + r.mentions
  }
  return [...buckets.values()]
}
