// The demo's live collection: the stream worker reading the demo's Bluesky source from the
// sandbox's Jetstream (on loopback, over ws://, which the demo opens for itself only).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { SecretBox } from '../../platform/secrets/secret-box.ts'
import type { AddressPolicy } from '../../pipeline/networks/http/address-policy.ts'
import { startStreamWorker, type StreamWorker } from '../../pipeline/stream/stream-worker.ts'
import type { StreamLog, StreamOptions } from '../../pipeline/stream/stream-options.ts'

/**
 * The simulated network is small: at 2,000 accounts its Bluesky writes a post every two or three
 * minutes on average, and nothing for half an hour at night, where the real network never falls
 * silent. So a silent connection is kept for 15 minutes before it is taken for dead, and only a
 * first event more than two hours after the stored cursor is taken for lost events (the sandbox's
 * Jetstream keeps 36 hours, and loses nothing within them).
 */
export const DEMO_STREAM_OPTIONS: Partial<StreamOptions> = Object.freeze({ idleMs: 15 * 60_000, gapUs: 2 * 3600e6 })

export function startDemoStream(db: Kysely<DB>, policy: AddressPolicy, secrets: SecretBox, log: StreamLog): StreamWorker {
  return startStreamWorker({ db, policy: { ...policy, allowPrivate: true, allowHttpSources: true }, secrets, log, options: DEMO_STREAM_OPTIONS })
}
