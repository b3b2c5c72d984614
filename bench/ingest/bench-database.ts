// A throw-away database on the real PostgreSQL server, with one connection whose statements are
// timed (Kysely's query log) and whose server process's CPU time can be read from /proc, so a run
// can say how much of its time was spent in the database and how much of that was the server's.
import { randomBytes } from 'node:crypto'
import { Kysely, PostgresDialect, sql, type KyselyPlugin, type QueryId } from 'kysely'
import pg from 'pg'
import { migrateToLatest } from '../../src/platform/db/migrator.ts'
import type { DB } from '../../src/platform/db/schema.ts'
import { adminQuery } from '../../src/platform/db/admin-query.ts'
import { processCpuSeconds } from '../shared/measure.ts'

const INT8_OID = 20

export interface StatementTimes {
  count: number
  /** Sent (or, queued behind another statement, that one done) → result parsed. */
  ms: number
  /** CPU time of the server process meanwhile (10 ms ticks: meaningful summed over many statements). */
  serverCpuMs: number
}

export interface QueryTimes {
  byLabel: Map<string, StatementTimes>
  totalMs: number
}

export interface BenchDatabase {
  db: Kysely<DB>
  url: string
  name: string
  /** The single server process serving `db`. */
  backendPid: number
  queryTimes: QueryTimes
  resetQueryTimes(): void
  /** CPU seconds the server process has used so far (user + system). */
  backendCpuSeconds(): number
  drop(): Promise<void>
}

/** What a statement does, from its text: the table it writes, or its first words. */
function statementLabel(text: string): string {
  const compact = text.replace(/\s+/g, ' ').trim()
  // ingestBatch's last statement: topic matches and edges as items of one `with`.
  if (/^with \w+ as \( insert/i.test(compact)) return [...compact.matchAll(/(\w+) as \( insert/gi)].map((m) => m[1]).join(' + ')
  const insert = /^insert into (\w+)/i.exec(compact)
  if (insert) return /from posts parent|cross join lateral/.test(compact) ? `${insert[1]} (backfill)` : insert[1]
  return compact.split(' ').slice(0, 3).join(' ')
}

export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `relais_bench_${randomBytes(6).toString('hex')}`
  await adminQuery(serverUrl, `create database ${name}`)
  const parsed = new URL(serverUrl)
  parsed.pathname = `/${name}`
  const url = parsed.toString()
  const queryTimes: QueryTimes = { byLabel: new Map(), totalMs: 0 }
  let backendPid = 0
  // The server's CPU clock and the wall clock when each statement was compiled, read back when it
  // has been logged. Statements sent together (queued on the one connection) run one after the
  // other: each is charged from the later of its start and the end of the one logged before it.
  const atStart = new WeakMap<QueryId, { cpu: number; wall: number }>()
  let lastEnd = { cpu: 0, wall: 0 }
  const serverCpuPlugin: KyselyPlugin = {
    transformQuery(args) {
      if (backendPid) atStart.set(args.queryId, { cpu: processCpuSeconds(backendPid), wall: performance.now() })
      return args.node
    },
    transformResult: async (args) => args.result,
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 1,
    // Never closed while idle: the backend whose CPU time is read must stay the same process.
    idleTimeoutMillis: 0,
    types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) } as pg.CustomTypesConfig,
  })
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [serverCpuPlugin],
    log(event) {
      if (event.level !== 'query') return
      if (!backendPid) return // migrations, before the connection's server process is known
      const label = statementLabel(event.query.sql)
      const entry = queryTimes.byLabel.get(label) ?? { count: 0, ms: 0, serverCpuMs: 0 }
      const end = { cpu: processCpuSeconds(backendPid), wall: performance.now() }
      // begin and commit do not pass through plugins: timed by Kysely alone.
      const start = atStart.get(event.query.queryId) ?? { cpu: lastEnd.cpu, wall: end.wall - event.queryDurationMillis }
      const wallMs = end.wall - Math.max(start.wall, lastEnd.wall)
      entry.count++
      entry.ms += wallMs
      entry.serverCpuMs += (end.cpu - Math.max(start.cpu, lastEnd.cpu)) * 1000
      lastEnd = end
      queryTimes.byLabel.set(label, entry)
      queryTimes.totalMs += wallMs
    },
  })
  let dropped = false
  const drop = async (): Promise<void> => {
    if (dropped) return
    dropped = true
    await db.destroy()
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`)
  }
  try {
    await migrateToLatest(db)
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)
    backendPid = rows[0].pid
    return {
      db,
      url,
      name,
      backendPid,
      queryTimes,
      resetQueryTimes() {
        queryTimes.byLabel.clear()
        queryTimes.totalMs = 0
      },
      backendCpuSeconds: () => processCpuSeconds(backendPid),
      drop,
    }
  } catch (error) {
    await drop()
    throw error
  }
}
