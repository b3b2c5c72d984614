import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { analyzeIfGrown } from '../../platform/db/analyze-tables.ts'
import type { AccountScore } from './compute-scores.ts'

/**
 * Rows per statement. Each column travels as one array parameter, so a chunk costs one round trip
 * and one plan whatever its size; 20,000 rows keep the components text of a chunk near 5 MB.
 */
const CHUNK = 20_000

/**
 * Writes the rows of one snapshot, each with its ranks in the previous snapshot (for movers).
 *
 * Columns are sent as arrays and turned back into rows by `unnest` on the server: the same
 * statement runs on PostgreSQL and the embedded database (which has no COPY from a client stream),
 * and the server reads one typed array per column instead of parsing a JSON document per row.
 * `components` stays opaque: it is stored as the JSON the scoring produced.
 */
export async function writeScores(db: Kysely<DB>, runId: number, previousRunId: number | null, scores: AccountScore[], accountIds: number[], influenceRank: Int32Array, relayRank: Int32Array, prospects: Set<number>): Promise<void> {
  for (let start = 0; start < scores.length; start += CHUNK) {
    const chunk = scores.slice(start, start + CHUNK)
    const column = <T>(value: (s: AccountScore) => T): T[] => chunk.map(value)
    await sql`
      insert into scores (run_id, account_id, influence, relay, influence_rank, relay_rank, previous_influence_rank, previous_relay_rank, prospect, community, components)
      select ${runId}, r.account_id, r.influence, r.relay, r.influence_rank, r.relay_rank, prev.influence_rank, prev.relay_rank, r.prospect, r.community, r.components::jsonb
      from unnest(
        ${column((s) => accountIds[s.node])}::bigint[], ${column((s) => s.influence)}::real[], ${column((s) => s.relay)}::real[],
        ${column((s) => influenceRank[s.node])}::int[], ${column((s) => relayRank[s.node])}::int[], ${column((s) => prospects.has(s.node))}::boolean[],
        ${column((s) => s.community)}::int[], ${column((s) => JSON.stringify(s.components))}::text[]
      ) as r(account_id, influence, relay, influence_rank, relay_rank, prospect, community, components)
      left join scores prev on prev.run_id = ${previousRunId} and prev.account_id = r.account_id`.execute(db)
  }
  // The embedded database has no autovacuum: without this, the rankings' plans would keep the
  // statistics of an empty table while it grows by a whole snapshot each hour.
  await analyzeIfGrown(db, { scores: scores.length, score_runs: 1 })
}
