import { parseArgs } from 'node:util'
import { addressPolicyOf } from '../../platform/config/address-policy.ts'
import { startStreamWorker } from '../../pipeline/stream/stream-worker.ts'
import { openSecrets } from '../../platform/secrets/open-secrets.ts'
import { withDatabase, type Io } from '../context.ts'

/**
 * Live collection in the foreground until SIGINT/SIGTERM: every Bluesky or Mastodon source whose
 * settings say `streaming: on` is read live (Jetstream, the instance's streaming API) by whichever
 * process holds its lease. On stop, the batch
 * in flight is stored and the leases are handed back.
 */
export async function streamCommand(args: string[], io: Io): Promise<number> {
  parseArgs({ args, options: {}, strict: true, allowPositionals: false })
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
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    io.err('Stopping: storing the batch in flight…')
    await worker.stop()
    const counts = worker.metrics.counts()
    io.err(`Stopped: ${counts.events} events read in ${counts.batches} batches; ${counts.reconnects} reconnections; ${counts.gaps} gaps recorded.`)
    return 0
  })
}
