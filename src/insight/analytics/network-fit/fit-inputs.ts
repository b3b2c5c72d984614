import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { DAY_MS } from '../time-window.ts'

export interface LatestRun { id: number; computedAt: Date; top100Size: number }
export interface InfluencerCounts { top10: number; top100: number }

/** The latest score snapshot of the topic, with how many accounts its top 100 holds. */
export async function latestRun(db: Kysely<DB>, topicId: string): Promise<LatestRun | null> {
  const { rows } = await sql<{ id: number; computed_at: Date; size: number }>`
    select r.id, r.computed_at, (select count(*) from scores s where s.run_id = r.id and s.influence_rank <= 100)::int as size
    from score_runs r where r.topic_id = ${topicId} order by r.id desc limit 1`.execute(db)
  return rows[0] ? { id: rows[0].id, computedAt: rows[0].computed_at, top100Size: rows[0].size } : null
}

/** Per network: accounts among the snapshot's top 10 and top 100 influencers. */
export async function influencersByNetwork(db: Kysely<DB>, runId: number): Promise<Map<string, InfluencerCounts>> {
  const { rows } = await sql<{ network: string; top10: number; top100: number }>`
    select a.network, count(*) filter (where s.influence_rank <= 10)::int as top10, count(*)::int as top100
    from scores s join accounts a on a.id = s.account_id
    where s.run_id = ${runId} and s.influence_rank <= 100
    group by a.network`.execute(db)
  return new Map(rows.map((r) => [r.network, { top10: r.top10, top100: r.top100 }]))
}

/** Per network: mentions in the 7 days before `until` and in the 7 days before those. */
export async function weeklyMentions(db: Kysely<DB>, topicId: string, until: Date): Promise<Map<string, { current: number; previous: number }>> {
  const mid = new Date(until.getTime() - 7 * DAY_MS)
  const { rows } = await sql<{ network: string; current: number; previous: number }>`
    select p.network,
      count(*) filter (where tp.post_created_at >= ${mid})::int as current,
      count(*) filter (where tp.post_created_at < ${mid})::int as previous
    from topic_posts tp join posts p on p.id = tp.post_id
    where tp.topic_id = ${topicId} and tp.post_created_at >= ${new Date(until.getTime() - 14 * DAY_MS)} and tp.post_created_at < ${until}
    group by p.network`.execute(db)
  return new Map(rows.map((r) => [r.network, { current: r.current, previous: r.previous }]))
}
