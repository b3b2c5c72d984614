import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'

/**
 * Refreshes the planner's statistics of the snapshot tables when a write grew `scores` by more
 * than a tenth of the rows the planner believes it holds (autovacuum's default threshold), or it
 * was never analyzed. The embedded database has no autovacuum: without this, the rankings' plans
 * would keep the statistics of an empty table while it grows by a whole snapshot each hour.
 *
 * `components` is left out of the statistics: no plan filters or joins on the JSON value itself
 * (its fields are read as expressions, which column statistics do not describe), and computing
 * statistics of a wide jsonb column took more than half of the time of ANALYZE.
 */
export async function analyzeSnapshotsIfGrown(db: Kysely<DB>, written: number): Promise<boolean> {
  const { rows } = await sql<{ reltuples: number }>`select reltuples::float8 as reltuples from pg_class where oid = to_regclass('scores')`.execute(db)
  const known = rows[0]?.reltuples ?? -1
  if (known >= 0 && written <= 0.1 * known) return false
  await sql`analyze scores (run_id, account_id, influence, relay, influence_rank, relay_rank, previous_influence_rank, previous_relay_rank, prospect, community)`.execute(db)
  await sql`analyze score_runs`.execute(db)
  return true
}
