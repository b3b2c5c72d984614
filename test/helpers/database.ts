import { randomBytes } from 'node:crypto'
import { openDatabase, type Database } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrator.ts'
import { adminQuery, withDatabaseName } from '../../src/platform/db/admin-query.ts'

interface Teardown { teardown(fn: () => unknown): void }

/**
 * A migrated database of its own for one test file: a fresh database on the PostgreSQL server of
 * DATABASE_URL when it is set (dropped afterwards), else an in-memory embedded one.
 */
export async function openTestDatabase(t: Teardown): Promise<Database & { url?: string }> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: ':memory:', command: 'test' })
    await migrateToLatest(database.db)
    t.teardown(() => database.close())
    return database
  }
  const name = `relais_test_${randomBytes(6).toString('hex')}`
  await adminQuery(serverUrl, `create database ${name}`)
  const url = withDatabaseName(serverUrl, name)
  const database = await openDatabase({ url, dataDir: ':memory:', command: 'test', poolSize: 5 })
  await migrateToLatest(database.db)
  t.teardown(async () => {
    await database.close()
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`)
  })
  return { ...database, url }
}
