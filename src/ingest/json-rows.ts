import { sql, type RawBuilder } from 'kysely'

/**
 * Many rows as one parameter: `select … from ${jsonRows(rows, 'a text, n int')}` expands to a
 * record set on the server. One statement, one parameter, whatever the batch size — the fast way
 * to batch writes on both PostgreSQL and the embedded database (arrays of arrays cannot be
 * unnested row by row, JSON can).
 */
export function jsonRows(rows: readonly object[], columns: string): RawBuilder<unknown> {
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.raw(columns)})`
}
