// Live collection: one reader per source whose settings say `streaming: on` (Bluesky through
// Jetstream, Mastodon through the instance's streaming API: network-readers.ts), in whichever
// process holds the source's lease. Sources are looked for again now and then, so a source
// turned on, or one whose reader died elsewhere, is picked up.
import { sql, type Kysely } from 'kysely'
import { isNamedProcessAlive, thisProcess } from '../../platform/process/identity.ts'
import type { DB } from '../../platform/db/schema.ts'
import type { AddressPolicy } from '../networks/http/address-policy.ts'
import { streamsLive } from '../networks/bluesky/jetstream-settings.ts'
import type { SecretBox } from '../../platform/secrets/secret-box.ts'
import { NETWORK_READERS, STREAMING_NETWORKS } from './network-readers.ts'
import { acquireLease, leaseHolder, releaseLease, type Lease } from './stream-lease.ts'
import { createStreamMetrics, type StreamMetrics } from './stream-metrics.ts'
import { DEFAULT_STREAM_OPTIONS, type StreamLog, type StreamOptions } from './stream-options.ts'

export interface StreamWorkerDeps {
  db: Kysely<DB>
  policy: AddressPolicy
  log: StreamLog
  options?: Partial<StreamOptions>
  /** Where the readers count what they do; default: counts kept in memory only. */
  metrics?: StreamMetrics
  /** Names this reader in lease rows; default `host:pid`. */
  holder?: string
  /** Opens source credentials (a Mastodon stream needs the source's token). */
  secrets?: SecretBox
}

export interface StreamWorker {
  metrics: StreamMetrics
  /** Sources this process reads now. */
  reading(): string[]
  /** Stops every reader, waits for the batches in flight and hands the leases back. */
  stop(): Promise<void>
}

/** Sources looked at per scan at most. */
const MAX_STREAMING_SOURCES = 1000

/** The sources to stream, chosen by the database: the limit counts streaming sources only, not every source of a network. */
async function streamingSources(db: Kysely<DB>) {
  const rows = await db.selectFrom('sources').select(['id', 'workspace_id', 'network', 'base_url', 'settings', 'credentials'])
    .where('network', 'in', STREAMING_NETWORKS).where(sql<string>`settings ->> 'streaming'`, '=', 'on')
    .orderBy('created_at').orderBy('id').limit(MAX_STREAMING_SOURCES).execute()
  return rows.filter((row) => streamsLive(row.settings))
}

export function startStreamWorker(deps: StreamWorkerDeps): StreamWorker {
  const options: StreamOptions = { ...DEFAULT_STREAM_OPTIONS, ...deps.options }
  const holder = deps.holder ?? thisProcess()
  const metrics = deps.metrics ?? createStreamMetrics()
  const stopping = new AbortController()
  const readers = new Map<string, { lease: Lease; done: Promise<void>; turnedOff: AbortController }>()

  const scan = async () => {
    const sources = await streamingSources(deps.db)
    // A source no longer streaming (turned off, deleted) stops being read.
    const wanted = new Set(sources.map((source) => source.id))
    for (const [id, reader] of readers) if (!wanted.has(id)) reader.turnedOff.abort()
    for (const source of sources) {
      if (stopping.signal.aborted) return
      if (readers.has(source.id)) continue
      const current = await leaseHolder(deps.db, source.id)
      // A holder on this host that no longer runs (killed) is taken over at once.
      const dead = current !== null && current !== holder && !isNamedProcessAlive(current.split('#')[0]) ? current : null
      const lease = await acquireLease(deps.db, { id: source.id, workspaceId: source.workspace_id }, holder, options.leaseMs, dead)
      if (lease === null) continue
      deps.log.info({ sourceId: source.id, cursorUs: lease.cursorUs }, 'stream: reading source')
      const turnedOff = new AbortController()
      const read = NETWORK_READERS[source.network]
      const done = read({ db: deps.db, policy: deps.policy, options, log: deps.log, metrics, secrets: deps.secrets }, lease, source, AbortSignal.any([stopping.signal, turnedOff.signal]))
        .catch((error: unknown) => deps.log.warn({ sourceId: source.id, err: error }, 'stream: reader stopped'))
        .finally(() => {
          readers.delete(source.id)
          // Turned off, deleted or taken by another process: its gauges are no longer this process's.
          // (On a stop of the process they stay, for a last scrape.)
          if (!stopping.signal.aborted) metrics.released(source.id)
        })
        .then(() => { if (turnedOff.signal.aborted) return releaseLease(deps.db, lease).catch(() => {}) })
      readers.set(source.id, { lease, done, turnedOff })
    }
  }
  let scanning: Promise<void> | null = null
  const tick = () => {
    if (scanning !== null) return // one scan at a time, so a source never gets two readers here
    scanning = scan()
      .catch((error: unknown) => deps.log.warn({ err: error }, 'stream: looking for streaming sources failed'))
      .finally(() => { scanning = null })
  }
  tick()
  const timer = setInterval(tick, Math.max(100, Math.floor(options.leaseMs / 3)))

  return {
    metrics,
    reading: () => [...readers.keys()],
    async stop() {
      clearInterval(timer)
      stopping.abort()
      await scanning
      const running = [...readers.values()]
      await Promise.all(running.map((reader) => reader.done))
      await Promise.all(running.map((reader) => releaseLease(deps.db, reader.lease).catch(() => {})))
    },
  }
}
