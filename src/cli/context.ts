import { loadConfig, type Config } from '../config/index.ts'
import { openDatabase, type Database } from '../db/database.ts'
import { migrateToLatest } from '../db/migrator.ts'

/** What a command prints to; injectable so tests read what a person would see. */
export interface Io {
  out(line: string): void
  err(line: string): void
  /** true when stderr is a terminal (progress bars only there). */
  interactive: boolean
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  interactive: Boolean(process.stderr.isTTY),
}

/** A command's usage mistake: shown with the usage, exit code 2. */
export class UsageError extends Error {}

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
