import { sql, type Kysely } from 'kysely'

/**
 * Runs a block of DDL one statement at a time: the embedded database's extended protocol takes a
 * single statement per query. Statements are separated by a semicolon at the end of a line.
 */
export async function runStatements(db: Kysely<unknown>, block: string): Promise<void> {
  for (const statement of block.split(/;\s*(?:\n|$)/)) {
    if (statement.trim()) await sql.raw(statement).execute(db)
  }
}
