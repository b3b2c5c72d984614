import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { join, resolve } from 'node:path'
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts'
import { createDataFolderIfMissing } from './embedded/create-data-folder.ts'
import { PGliteDialect } from './embedded/pglite-dialect.ts'
import { startEmbeddedThread } from './embedded/pglite-thread-client.ts'
import type { DB } from './schema.ts'

export type DatabaseKind = 'postgres' | 'embedded'

export interface Database {
  readonly db: Kysely<DB>
  readonly kind: DatabaseKind
  /** Where the data lives, for people: a host/database name or the folder. Never the password. */
  readonly location: string
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** PostgreSQL URL; unset: embedded PGlite in `dataDir` (or in memory when dataDir is ':memory:'). */
  url?: string
  dataDir: string
  /** Names this process in the data folder's lock, for the message another process shows. */
  command: string
  /** The data folder's lock, when the caller took it first (to clear the folder under it). */
  heldLock?: DataDirLock
  poolSize?: number
  /** PostgreSQL only: longest one statement may run (STATEMENT_TIMEOUT_MS, default 2 min); the server cancels it past that. */
  statementTimeoutMs?: number
}

const INT8_OID = 20

/** One Kysely over `pg` with DATABASE_URL, over PGlite in DATA_DIR without. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10, options.statementTimeoutMs ?? 120_000) : openEmbedded(options.dataDir, options.command, options.heldLock)
}

function openPostgres(url: string, max: number, statementTimeoutMs: number): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // A runaway query is cancelled by the server (SQLSTATE 57014, answered 503) instead of holding a connection.
    statement_timeout: statementTimeoutMs,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) } as pg.CustomTypesConfig,
  })
  // A server restart kills connections; the pool replaces them, and the query in flight fails
  // (the API answers 503). Without these listeners the connection error would crash the process.
  pool.on('error', () => {})
  pool.on('connect', (client) => client.on('error', () => {}))
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  const where = new URL(url)
  return { db, kind: 'postgres', location: `${where.hostname}:${where.port || 5432}${where.pathname}`, close: () => db.destroy() }
}

async function openEmbedded(dataDir: string, command: string, heldLock?: DataDirLock): Promise<Database> {
  const inMemory = dataDir === ':memory:'
  const lock: DataDirLock | null = inMemory ? null : heldLock ?? lockDataDir(dataDir, command)
  try {
    const folder = inMemory ? null : join(resolve(dataDir), 'pgdata')
    if (folder) await createDataFolderIfMissing(folder)
    const engine = await startEmbeddedThread(folder)
    const db = new Kysely<DB>({ dialect: new PGliteDialect(engine) })
    return {
      db,
      kind: 'embedded',
      location: inMemory ? 'memory' : resolve(dataDir),
      async close() {
        await db.destroy()
        lock?.release()
      },
    }
  } catch (error) {
    lock?.release()
    throw error
  }
}

/** true when the database answers. */
export async function ping(db: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}
