import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely'
import type { EmbeddedEngine } from './pglite-thread-client.ts'

// PGlite is one connection (on its own thread, see pglite-thread.js). Kysely asks for a connection per query or
// transaction, so connections are handed out one at a time: a transaction holds the only
// connection until it commits, and other queries wait their turn (as on a pool of size one).
export class PGliteDialect implements Dialect {
  constructor(private readonly engine: EmbeddedEngine) {}
  createAdapter() { return new PostgresAdapter() }
  createDriver(): Driver { return new PGliteDriver(this.engine) }
  createIntrospector(db: Kysely<any>) { return new PostgresIntrospector(db) }
  createQueryCompiler() { return new PostgresQueryCompiler() }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection
  private queue: Promise<void> = Promise.resolve()
  private release: (() => void) | null = null

  constructor(private readonly engine: EmbeddedEngine) {
    this.connection = new PGliteConnection(engine)
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue
    let release!: () => void
    this.queue = new Promise<void>((resolve) => { release = resolve })
    await previous
    this.release = release
    return this.connection
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : ''
    await conn.executeQuery(CompiledQuery.raw(`begin${isolation}`))
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> { await conn.executeQuery(CompiledQuery.raw('commit')) }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> { await conn.executeQuery(CompiledQuery.raw('rollback')) }

  async releaseConnection(): Promise<void> {
    const release = this.release
    this.release = null
    release?.()
  }

  async destroy(): Promise<void> {
    await this.engine.close()
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly engine: EmbeddedEngine) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.engine.query<R>(compiled.sql, compiled.parameters)
    const affected = result.affectedRows
    const isWrite = /^\s*(insert|update|delete|merge)\b/i.test(compiled.sql)
    return {
      rows: result.rows,
      ...(isWrite && affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // PGlite answers in one piece; callers that stream get it as a single chunk.
    yield await this.executeQuery<R>(compiled)
  }
}
