import { sql } from 'kysely'
import type { Db } from '../../platform/db/db-handle.ts'
import { idArray } from './id-array.ts'
import { numbersOf } from './number-list.ts'

/**
 * The follow edges among the given accounts, as node indices (`nodeOf` maps an account id to its).
 *
 * Both ends come back as two comma-separated lists, one row in all: at half a million edges,
 * parsing a row per edge (two bigint texts each) cost the client more than the statement cost the
 * server. The ids are tested with `= any(array)`, which the server hashes once; joining the
 * accounts as a set made it sort or walk the follows by index instead, at three times the cost.
 */
export async function loadFollowEdges(db: Db, accountIds: readonly number[], nodeOf: ReadonlyMap<number, number>): Promise<{ from: Int32Array; to: Int32Array }> {
  if (accountIds.length === 0) return { from: new Int32Array(0), to: new Int32Array(0) }
  const ids = idArray(accountIds)
  const { rows } = await sql<{ followers: string | null; followees: string | null }>`
    select string_agg(f.follower_id::text, ',') as followers, string_agg(f.followee_id::text, ',') as followees
    from follows f where f.follower_id = any(${ids}::bigint[]) and f.followee_id = any(${ids}::bigint[])`.execute(db)
  return { from: nodes(rows[0]?.followers ?? null, nodeOf), to: nodes(rows[0]?.followees ?? null, nodeOf) }
}

function nodes(list: string | null, nodeOf: ReadonlyMap<number, number>): Int32Array {
  return Int32Array.from(numbersOf(list), (id) => nodeOf.get(id)!)
}
