import { loadConfig, type Config } from '../platform/config/index.ts'
import { openDatabase, type Database } from '../platform/db/database.ts'
import { migrateToLatest } from '../platform/db/migrator.ts'

export { processIo, UsageError, type Io } from './io.ts'

/** Opens the configured database, brought to the latest schema, for one command. */
export async function withDatabase<T>(command: string, fn: (database: Database, config: Config) => Promise<T>, config = loadConfig()): Promise<T> {
  const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir, command: `relais ${command}`, statementTimeoutMs: config.timeouts.statementMs })
  try {
    await migrateToLatest(database.db)
    return await fn(database, config)
  } finally {
    await database.close()
  }
}
