import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { jsonTuples } from '../../platform/db/json-rows.ts'
import { analyzeSnapshotsIfGrown } from './analyze-snapshots.ts'
import type { AccountScore } from './compute-scores.ts'

/**
 * Rows per statement: one JSON parameter per chunk, so a chunk costs one round trip and one plan
 * whatever its size; 20,000 rows keep the parameter near 12 MB.
 */
const CHUNK = 20_000

const COLUMNS = 'account_id bigint, influence real, relay real, influence_rank int, relay_rank int, prospect boolean, community int, components jsonb'

/**
 * Writes the rows of one snapshot, each with its ranks in the previous snapshot (for movers).
 *
 * Rows travel as one JSON array of tuples (`jsonTuples`), the same statement on PostgreSQL and the
 * embedded database: Node serialises the chunk in one native `JSON.stringify`, and the server
 * parses it once, taking each row's `components` as the JSON value it already is. (Per-column
 * array parameters cost more: the client escapes every components text into an array literal and
 * the server parses each one again as JSON.)
 */
export async function writeScores(db: Kysely<DB>, runId: number, previousRunId: number | null, scores: AccountScore[], accountIds: number[], influenceRank: Int32Array, relayRank: Int32Array, prospects: Set<number>): Promise<void> {
  for (let start = 0; start < scores.length; start += CHUNK) {
    const tuples = scores.slice(start, start + CHUNK).map((s) => [
      accountIds[s.node], s.influence, s.relay, influenceRank[s.node], relayRank[s.node], prospects.has(s.node), s.community, s.components,
    ])
    await sql`
      insert into scores (run_id, account_id, influence, relay, influence_rank, relay_rank, previous_influence_rank, previous_relay_rank, prospect, community, components)
      select ${runId}, r.account_id, r.influence, r.relay, r.influence_rank, r.relay_rank, prev.influence_rank, prev.relay_rank, r.prospect, r.community, r.components
      from ${jsonTuples(tuples, COLUMNS)}
      left join scores prev on prev.run_id = ${previousRunId} and prev.account_id = r.account_id`.execute(db)
  }
  await analyzeSnapshotsIfGrown(db, scores.length)
}
