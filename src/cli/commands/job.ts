import { parseArgs } from 'node:util'
import { loadConfig } from '../../platform/config/index.ts'
import { createJobs } from '../../../jobs/index.ts'
import { runJob } from '../../../jobs/run-job.ts'
import { isUuid } from '../../platform/shared/ids.ts'
import { progressReporter } from '../progress-bar.ts'
import { UsageError, withDatabase, type Io } from '../context.ts'
import { consoleLogger } from '../console-logger.ts'
import { jobUsage } from '../usage.ts'
import { jobDepsOf } from '../job-deps.ts'
import { openSecrets } from '../../platform/secrets/open-secrets.ts'

export async function jobCommand(args: string[], io: Io): Promise<number> {
  const [action, name, ...rest] = args
  const config = loadConfig()
  const names = createJobs(jobDepsOf(config))
  if (action !== 'run' || !name) throw new UsageError(jobUsage)
  if (!names.has(name)) throw new UsageError(`Unknown job "${name}". Jobs: ${[...names.keys()].join(', ')}.`)
  const { values } = parseArgs({ args: rest, options: { topic: { type: 'string' } } })
  if (values.topic !== undefined && !isUuid(values.topic)) throw new UsageError(`--topic takes a topic id (a UUID); got "${values.topic}".`)
  return withDatabase(`job run ${name}`, async ({ db }) => {
    const job = createJobs(jobDepsOf(config, await openSecrets(db, config))).get(name)!
    const abort = new AbortController()
    const stop = () => {
      io.err('\nStopping after the current page…')
      abort.abort()
    }
    process.once('SIGINT', stop)
    const bar = progressReporter((text) => process.stderr.write(text), io.interactive)
    try {
      const outcome = await runJob({ db, log: consoleLogger(io) }, job, values.topic ? { topicId: values.topic } : {}, {
        trigger: 'manual',
        signal: abort.signal,
        onProgress: (p) => bar.update(p),
      })
      bar.finish()
      if (outcome.status === 'skipped') {
        io.err(`Not started: ${outcome.reason}.`)
        return 1
      }
      io.out(JSON.stringify({ run: outcome.runId, status: outcome.status, stats: outcome.stats, ...(outcome.error && { error: outcome.error }) }))
      if (outcome.status === 'failed') io.err(`${name} failed:\n${outcome.error}`)
      else io.err(`${name} ${outcome.status} (run ${outcome.runId}).`)
      return outcome.status === 'failed' ? 1 : 0
    } finally {
      process.off('SIGINT', stop)
    }
  })
}
