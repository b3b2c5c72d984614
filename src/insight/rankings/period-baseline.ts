import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { MoverPeriod } from './dto.ts'

/** A month is taken as 30 days: periods compare like with like whatever the calendar month. */
const PERIOD_INTERVAL: Record<MoverPeriod, string> = { day: '1 day', week: '7 days', month: '30 days' }

/**
 * The earlier snapshot of the topic whose time is nearest the start of `period` before snapshot
 * `runId` (ties go to the later one); null when `runId` is the topic's first. History is thinned
 * (thin-history.ts), so "nearest" may be some hours off for a day and a day off for a month.
 */
export async function periodBaseline(db: Kysely<DB>, topicId: string, runId: number, period: MoverPeriod): Promise<{ runId: number; computedAt: Date } | null> {
  const { rows } = await sql<{ id: number; computed_at: Date }>`
    select b.id, b.computed_at
    from score_runs c join score_runs b on b.topic_id = c.topic_id and b.id < c.id
    where c.id = ${runId} and c.topic_id = ${topicId}
    order by abs(extract(epoch from b.computed_at - (c.computed_at - ${PERIOD_INTERVAL[period]}::interval))), b.id desc
    limit 1`.execute(db)
  const row = rows[0]
  return row ? { runId: Number(row.id), computedAt: row.computed_at } : null
}
