import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'

/**
 * How long score snapshots are kept, and how densely. The score job writes one snapshot per topic
 * per hour; each holds a row per account of the topic graph (a 50,000-account topic writes
 * ≈ 15 MB an hour), so keeping them all is not an option, and keeping only the last few loses the
 * question people ask ("who rose this week, this month?"). The policy keeps:
 * - every snapshot of the last 48 hours: "since yesterday" and the hour-by-hour view;
 * - then the last snapshot of each UTC day up to 35 days back: a point near the start of any
 *   day, week or month period, with a few days to spare when scoring paused;
 * - then the last snapshot of each ISO week up to 26 weeks back: the half-year trend;
 * and nothing older. That is at most ≈ 48 + 33 + 21 ≈ 102 snapshots per topic. The topic's latest
 * snapshot is always kept, however old, so the rankings never go empty.
 */
export const HISTORY_POLICY = { allForHours: 48, dailyForDays: 35, weeklyForWeeks: 26 } as const

/** Deletes the snapshots of `topicId` the policy no longer keeps (their scores go with them); returns how many. */
export async function thinScoreHistory(db: Kysely<DB>, topicId: string, now: Date): Promise<number> {
  const hour = 3_600_000
  const allSince = new Date(now.getTime() - HISTORY_POLICY.allForHours * hour)
  const dailySince = new Date(now.getTime() - HISTORY_POLICY.dailyForDays * 24 * hour)
  const weeklySince = new Date(now.getTime() - HISTORY_POLICY.weeklyForWeeks * 7 * 24 * hour)
  const result = await sql`
    delete from score_runs r
    using (
      select id, computed_at,
        row_number() over (partition by date_trunc('day', computed_at at time zone 'UTC') order by computed_at desc, id desc) as in_day,
        row_number() over (partition by date_trunc('week', computed_at at time zone 'UTC') order by computed_at desc, id desc) as in_week
      from score_runs
      where topic_id = ${topicId} and computed_at < ${allSince}
        and id <> (select max(id) from score_runs where topic_id = ${topicId})
    ) old
    where r.id = old.id and (
      (old.computed_at >= ${dailySince} and old.in_day > 1)
      or (old.computed_at < ${dailySince} and old.computed_at >= ${weeklySince} and old.in_week > 1)
      or old.computed_at < ${weeklySince})`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}
