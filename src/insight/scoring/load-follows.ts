import { sql } from 'kysely'
import type { Db } from '../../platform/db/db-handle.ts'

/**
 * The follow edges among the given accounts, as node indices (positions in `accountIds`).
 *
 * The server maps account ids to node indices and returns both ends as two comma-separated lists,
 * one row in all: at half a million edges, parsing a row per edge (two bigint texts each) and
 * looking both ids up in a Map cost the client more than the statement cost the server.
 */
export async function loadFollowEdges(db: Db, accountIds: readonly number[]): Promise<{ from: Int32Array; to: Int32Array }> {
  if (accountIds.length === 0) return { from: new Int32Array(0), to: new Int32Array(0) }
  const { rows } = await sql<{ followers: string | null; followees: string | null }>`
    with nodes as (select n.id, (n.ord - 1)::int as v from unnest(${idArray(accountIds)}::bigint[]) with ordinality as n(id, ord))
    select string_agg(a.v::text, ',') as followers, string_agg(b.v::text, ',') as followees
    from follows f join nodes a on a.id = f.follower_id join nodes b on b.id = f.followee_id`.execute(db)
  return { from: indices(rows[0]?.followers ?? null), to: indices(rows[0]?.followees ?? null) }
}

/**
 * Account ids as one array-literal text parameter, `{1,2,3}`: integers only, so nothing to escape,
 * and the same text whatever the driver does with a JavaScript array.
 */
export function idArray(ids: readonly number[]): string {
  return `{${ids.join(',')}}`
}

function indices(list: string | null): Int32Array {
  return list === null ? new Int32Array(0) : Int32Array.from(list.split(','), Number)
}
