import { parseArgs } from 'node:util'
import { BENCH_SERVER_URL, exitWithHelpIf, positiveInteger } from '../shared/args.ts'

export interface IngestBenchArgs {
  posts: number
  databaseUrl: string
  batchSizes: number[]
  repeat: number
  seed: string
  /** newest: batches walk back in time, as a search backlog does (replies before their parents). */
  order: 'newest' | 'oldest'
  /** Also time a second pass over the same batches: every post already stored (pages seen again). */
  reingest: boolean
  /** Schema changes made to the bench database only, to price parts of the schema. */
  whatIf: WhatIf[]
}

export const WHAT_IFS = ['no-search-vector'] as const
export type WhatIf = (typeof WHAT_IFS)[number]

const HELP = `usage: node --import tsx bench/ingest/run.ts [options]
  --posts N             posts to ingest per run (default 200000)
  --database-url URL    PostgreSQL server to create the bench database on
                        (default ${BENCH_SERVER_URL})
  --batch-sizes LIST    posts per transaction, comma-separated (default 500,1000,2000)
  --repeat R            runs of each measurement (default 3)
  --seed S              sandbox seed (default bench)
  --order newest|oldest order batches arrive in (default newest: a search backlog)
  --reingest            after each run, ingest the same batches again and time that too
  --what-if LIST        price parts of the schema by removing them from the bench database:
                        no-search-vector (the generated tsvector and its GIN index); not the
                        product's figures`

export function parseIngestBenchArgs(argv: string[]): IngestBenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      posts: { type: 'string', default: '200000' },
      'database-url': { type: 'string', default: BENCH_SERVER_URL },
      'batch-sizes': { type: 'string', default: '500,1000,2000' },
      repeat: { type: 'string', default: '3' },
      seed: { type: 'string', default: 'bench' },
      order: { type: 'string', default: 'newest' },
      reingest: { type: 'boolean', default: false },
      'what-if': { type: 'string', default: '' },
      help: { type: 'boolean', default: false },
    },
  })
  exitWithHelpIf(values.help, HELP)
  if (values.order !== 'newest' && values.order !== 'oldest') throw new Error(`--order must be newest or oldest, got ${values.order}`)
  return {
    posts: positiveInteger('posts', values.posts),
    databaseUrl: values['database-url'],
    batchSizes: values['batch-sizes'].split(',').map((size) => positiveInteger('batch-sizes', size.trim())),
    repeat: positiveInteger('repeat', values.repeat),
    seed: values.seed,
    order: values.order,
    reingest: values.reingest,
    whatIf: values['what-if'].split(',').filter(Boolean).map((name) => {
      if (!(WHAT_IFS as readonly string[]).includes(name)) throw new Error(`--what-if takes ${WHAT_IFS.join(', ')}; got ${name}`)
      return name as WhatIf
    }),
  }
}
