import { loadConfig, type Config } from '../platform/config/index.ts'
import { openDatabase, type Database } from '../platform/db/database.ts'
import { migrateToLatest } from '../platform/db/migrator.ts'

export { processIo, UsageError, type Io } from './io.ts'

/** The database of the `relais serve` this command runs inside (forwarded to it), if any. */
let served: { database: Database; config: Config } | null = null

/** Commands forwarded to this process use its open database instead of opening the folder again. */
export function serveDatabaseToCommands(database: Database, config: Config): () => void {
  served = { database, config }
  return () => { served = null }
}

/** Opens the configured database, brought to the latest schema, for one command. */
export async function withDatabase<T>(command: string, fn: (database: Database, config: Config) => Promise<T>, config = loadConfig(), { migrate = true } = {}): Promise<T> {
  if (served) return fn(served.database, served.config)
  const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir, command: `relais ${command}`, statementTimeoutMs: config.timeouts.statementMs })
  try {
    if (migrate) await migrateToLatest(database.db)
    return await fn(database, config)
  } finally {
    await database.close()
  }
}
