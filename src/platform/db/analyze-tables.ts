import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from './schema.ts'

type Table = keyof DB & string

/**
 * Refreshes the planner's statistics of tables a bulk write just changed. Plans chosen on the
 * statistics of a much smaller table can be off by orders of magnitude (a nested loop that scans
 * a whole range per row); PostgreSQL's autovacuum catches up only after a delay, and the embedded
 * database has no autovacuum at all.
 */
export async function analyzeTables(db: Kysely<DB> | Transaction<DB>, tables: readonly Table[]): Promise<void> {
  // One statement per table: the names come from the schema's type, never from input.
  for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db)
}

/**
 * The same, only for the tables a write grew by more than a tenth of the rows the planner believes
 * they hold (autovacuum's own default threshold), or that were never analyzed: routine small
 * writes then cost one catalogue read, not a scan. `written` maps each table to its new rows.
 */
export async function analyzeIfGrown(db: Kysely<DB> | Transaction<DB>, written: Partial<Record<Table, number>>): Promise<Table[]> {
  const tables = (Object.keys(written) as Table[]).filter((table) => (written[table] ?? 0) > 0)
  if (tables.length === 0) return []
  const { rows } = await sql<{ name: string; reltuples: number }>`
    select c.relname as name, c.reltuples::float8 as reltuples from pg_class c
    where c.oid = any(array(select to_regclass(t) from unnest(${tables}::text[]) as t))`.execute(db)
  const stale = tables.filter((table) => {
    const known = rows.find((r) => r.name === table)?.reltuples ?? -1
    return known < 0 || (written[table] ?? 0) > 0.1 * known
  })
  await analyzeTables(db, stale)
  return stale
}
