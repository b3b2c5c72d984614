import { parseArgs } from 'node:util'
import { addressPolicyOf } from '../../platform/config/address-policy.ts'
import { startStreamWorker } from '../../pipeline/stream/stream-worker.ts'
import { progressLines } from '../../pipeline/stream/stream-progress.ts'
import type { StreamCounts } from '../../pipeline/stream/stream-metrics.ts'
import { openSecrets } from '../../platform/secrets/open-secrets.ts'
import { UsageError, withDatabase, type Io } from '../context.ts'

const DEFAULT_PROGRESS_SECONDS = 10
const MAX_PROGRESS_SECONDS = 3600

/**
 * Live collection in the foreground until SIGINT/SIGTERM: every Bluesky or Mastodon source whose
 * settings say `streaming: on` is read live (Jetstream, the instance's streaming API) by whichever
 * process holds its lease. Every `--progress-every` seconds (default 10; 0: never) it prints, per
 * source, events/s, lag, queue depth, reconnections and gaps. On stop, the batch in flight is
 * stored and the leases are handed back.
 */
export async function streamCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { 'progress-every': { type: 'string' } }, strict: true, allowPositionals: false })
  const progressSeconds = values['progress-every'] === undefined ? DEFAULT_PROGRESS_SECONDS : Number(values['progress-every'])
  if (!Number.isInteger(progressSeconds) || progressSeconds < 0 || progressSeconds > MAX_PROGRESS_SECONDS) {
    throw new UsageError(`--progress-every takes a whole number of seconds from 0 to ${MAX_PROGRESS_SECONDS}`)
  }
  return withDatabase('stream', async (database, config) => {
    const log = {
      info: () => {},
      warn: (obj: object, msg: string) => {
        const err = (obj as { err?: unknown }).err
        io.err(`warning: ${msg}${err instanceof Error ? `: ${err.message}` : ''}`)
      },
    }
    const secrets = await openSecrets(database.db, config)
    const worker = startStreamWorker({ db: database.db, policy: addressPolicyOf(config), log, secrets })
    io.err('Live collection is running (Bluesky and Mastodon sources with settings.streaming "on"). Stop it with Ctrl-C or SIGTERM.')
    let previous: { counts: StreamCounts; at: number } | null = null
    const startedAt = Date.now()
    const progress = progressSeconds === 0 ? null : setInterval(() => {
      const now = Date.now()
      const counts = worker.metrics.counts()
      for (const line of progressLines(worker.reading(), counts, previous?.counts ?? null, now - (previous?.at ?? startedAt), now)) io.err(line)
      previous = { counts, at: now }
    }, progressSeconds * 1000)
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    if (progress !== null) clearInterval(progress)
    io.err('Stopping: storing the batch in flight…')
    await worker.stop()
    const counts = worker.metrics.counts()
    io.err(`Stopped: ${counts.events} events read in ${counts.batches} batches; ${counts.reconnects} reconnections; ${counts.gaps} gaps recorded.`)
    return 0
  })
}
