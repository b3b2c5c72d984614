import { randomBytes } from 'node:crypto'
import { openDatabase, type Database } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrator.ts'
import { adminQuery, withDatabaseName } from '../../src/platform/db/admin-query.ts'

export interface BenchDatabase extends Database {
  /** Drops the throw-away database (PostgreSQL) after closing the pool. */
  dispose(): Promise<void>
}

/** A fresh, migrated database: created on the PostgreSQL server of `serverUrl`, or PGlite in memory. */
export async function openBenchDatabase(serverUrl: string | null, poolSize: number): Promise<BenchDatabase> {
  if (serverUrl === null) {
    const database = await openDatabase({ dataDir: ':memory:', command: 'bench api' })
    await migrateToLatest(database.db)
    return { ...database, dispose: () => database.close() }
  }
  const name = `relais_bench_api_${randomBytes(6).toString('hex')}`
  await adminQuery(serverUrl, `create database ${name}`)
  const database = await openDatabase({ url: withDatabaseName(serverUrl, name), dataDir: ':memory:', command: 'bench api', poolSize })
  const dispose = async () => {
    await database.close()
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`)
  }
  try {
    await migrateToLatest(database.db)
  } catch (error) {
    await dispose()
    throw error
  }
  return { ...database, dispose }
}
