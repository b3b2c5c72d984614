import { parseArgs } from 'node:util'
import { BENCH_SERVER_URL, exitWithHelpIf, positiveInteger } from '../shared/args.ts'

export interface LoadBenchArgs {
  /** PostgreSQL server a fresh database is created on (and dropped); null: embedded PGlite in memory. */
  databaseUrl: string | null
  /** Connection counts, one load level each. */
  connections: number[]
  /** Seconds per level. */
  duration: number
  /** Most requests per level, whatever the duration. */
  maxRequests: number
  /** Sandbox accounts (the topic's data grows from there while the bench runs). */
  accounts: number
  /** Requests per minute per key: `relais serve` defaults to 600, which a load test would hit at once. */
  rateLimit: number
}

const HELP = `usage: node --import tsx bench/load/run.ts [options]
  --database-url URL   PostgreSQL server to create the bench database on
                       (default ${BENCH_SERVER_URL})
  --embedded           use embedded PGlite (in memory) instead
  --connections LIST   load levels, comma-separated (default 10,50,100,200)
  --duration S         seconds per level (default 10)
  --max-requests N     requests per level at most (default 200000)
  --accounts N         sandbox accounts (default 1000)
  --rate-limit N       requests per minute per API key (default 100000000: out of the way)`

export function parseLoadBenchArgs(argv: string[]): LoadBenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      'database-url': { type: 'string', default: BENCH_SERVER_URL },
      embedded: { type: 'boolean', default: false },
      connections: { type: 'string', default: '10,50,100,200' },
      duration: { type: 'string', default: '10' },
      'max-requests': { type: 'string', default: '200000' },
      accounts: { type: 'string', default: '1000' },
      'rate-limit': { type: 'string', default: '100000000' },
      help: { type: 'boolean', default: false },
    },
  })
  exitWithHelpIf(values.help, HELP)
  return {
    databaseUrl: values.embedded ? null : values['database-url'],
    connections: values.connections.split(',').map((c) => positiveInteger('connections', c.trim())),
    duration: positiveInteger('duration', values.duration),
    maxRequests: positiveInteger('max-requests', values['max-requests']),
    accounts: positiveInteger('accounts', values.accounts),
    rateLimit: positiveInteger('rate-limit', values['rate-limit']),
  }
}
