import { Migrator, type Kysely, type MigrationResultSet } from 'kysely'
import { migrations } from '../../../migrations/index.ts'
import type { DB } from './schema.ts'

function migrator(db: Kysely<DB>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } })
}

/**
 * Brings the schema to the latest version. Kysely's migrator holds an advisory lock while it
 * runs, so instances starting together apply each migration once.
 */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const result: MigrationResultSet = await migrator(db).migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    const message = result.error instanceof Error ? result.error.message : String(result.error)
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${message}`, { cause: result.error })
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Names of migrations not yet applied (empty when the schema is current). */
export async function pendingMigrations(db: Kysely<DB>): Promise<string[]> {
  const all = await migrator(db).getMigrations()
  return all.filter((m) => !m.executedAt).map((m) => m.name)
}
