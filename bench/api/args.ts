import { parseArgs } from 'node:util'
import { BENCH_SERVER_URL, exitWithHelpIf, positiveInteger } from '../shared/args.ts'

export interface ApiBenchArgs {
  /** PostgreSQL server a fresh database is created on (and dropped); null: embedded PGlite in memory. */
  databaseUrl: string | null
  accounts: number
  duration: number
  connections: number
  limit: number
  /** Connections of the app's pool (as `relais serve` opens it: 10). */
  pool: number
  /** Run autocannon inside the server's process instead of a child process. */
  inProcess: boolean
  /** Print EXPLAIN ANALYZE of the queries one request makes. */
  explain: boolean
  /** Write a CPU profile of the server during the real route's run to this file, and summarise it. */
  profile: string | null
  /** Also measure a bare route sending the body as constant bytes (no per-request serialisation). */
  bytesBaseline: boolean
  /** The app's log level (logs go to /dev/null); null: no logger, as in tests. */
  logLevel: string | null
}

const HELP = `usage: node --import tsx bench/api/run.ts [options]
  --database-url URL   PostgreSQL server to create the bench database on
                       (default ${BENCH_SERVER_URL})
  --embedded           use embedded PGlite (in memory) instead
  --accounts N         scored accounts in the topic (default 100000)
  --duration S         seconds of load per target (default 10)
  --connections C      concurrent connections (default 50)
  --limit L            items per page asked for (default 50)
  --pool P             database connections of the app (default 10, as relais serve)
  --in-process         run autocannon in this process (default: a child process)
  --bytes-baseline     also measure a bare route that sends the body as constant
                       bytes, the floor for a route sending pre-serialised pages
  --explain            print the query plans of one request
  --profile FILE       CPU-profile the server during the real route's run (.cpuprofile)
  --log-level L        log at L (to /dev/null) as relais serve does (its default: info);
                       default: no logger`

export function parseApiBenchArgs(argv: string[]): ApiBenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      'database-url': { type: 'string', default: BENCH_SERVER_URL },
      embedded: { type: 'boolean', default: false },
      accounts: { type: 'string', default: '100000' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      limit: { type: 'string', default: '50' },
      pool: { type: 'string', default: '10' },
      'in-process': { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      'bytes-baseline': { type: 'boolean', default: false },
      'log-level': { type: 'string' },
      profile: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  exitWithHelpIf(values.help, HELP)
  return {
    databaseUrl: values.embedded ? null : values['database-url'],
    accounts: positiveInteger('accounts', values.accounts),
    duration: positiveInteger('duration', values.duration),
    connections: positiveInteger('connections', values.connections),
    limit: positiveInteger('limit', values.limit),
    pool: positiveInteger('pool', values.pool),
    inProcess: values['in-process'],
    explain: values.explain,
    bytesBaseline: values['bytes-baseline'],
    logLevel: values['log-level'] ?? null,
    profile: values.profile ?? null,
  }
}
