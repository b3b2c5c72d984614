// The live reader of one source, while this process holds its lease: connects to the source's
// Jetstream instance (the next one after a failure), stores each batch with its cursor, and on
// reconnect resumes a little before the stored cursor.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { checkOutboundUrl, type AddressPolicy } from '../networks/http/address-policy.ts'
import { realSleep } from '../networks/http/backoff.ts'
import { workspaceTopicMatchers, type TopicMatcher } from '../ingest/topic-matchers.ts'
import { readConnection } from './read-connection.ts'
import { storeStreamBatch } from './store-stream-batch.ts'
import { LeaseLostError, advanceCursor, recordStreamError, type Lease } from './stream-lease.ts'
import { keepLease } from './lease-renewal.ts'
import type { StreamLog, StreamOptions } from './stream-options.ts'
import type { StreamMetrics } from './stream-metrics.ts'

export interface SourceReaderDeps {
  db: Kysely<DB>
  policy: AddressPolicy
  options: StreamOptions
  log: StreamLog
  metrics: StreamMetrics
}

/** Reads until `signal` aborts or the lease is lost; never throws for a network's failures. */
export async function readSource(deps: SourceReaderDeps, lease: Lease, instances: readonly string[], signal: AbortSignal): Promise<void> {
  const { db, options, log, metrics } = deps
  let matchers: { list: TopicMatcher[]; at: number } | null = null
  const topics = async () => {
    if (matchers === null || Date.now() - matchers.at > options.topicsRefreshMs) matchers = { list: await workspaceTopicMatchers(db, lease.workspaceId), at: Date.now() }
    return matchers.list
  }
  const held = keepLease(db, lease, options.leaseMs)
  const stop = AbortSignal.any([signal, held.lost])
  let instance = 0
  let failures = 0
  try {
    // Never read before: from now, and "now" is stored at once, so a process stopped before its
    // first batch does not move the start later for the next one (the posts in between would be lost).
    if (lease.cursorUs === null && !(await storeFirstCursor(db, lease, instances[0]))) return
    while (!stop.aborted) {
      const url = instances[instance % instances.length]
      const fromUs = (lease.cursorUs ?? Date.now() * 1000) - options.rewindUs
      try {
        // The operator's policy for sources, as for their http calls: wss:// is https://, ws:// is http://.
        await checkOutboundUrl(new URL(url.replace(/^ws/, 'http')), deps.policy, 'source')
        const outcome = await readConnection({ instance: url, fromUs, storedCursorUs: lease.cursorUs }, async (events, gap) => {
          const result = await storeStreamBatch(db, lease, url, events, await topics(), gap)
          lease.cursorUs = Math.max(lease.cursorUs ?? 0, result.cursorUs)
          metrics.batchStored(lease.sourceId, events.length, result.cursorUs)
          if (gap !== null) {
            metrics.gapRecorded(lease.sourceId)
            log.warn({ sourceId: lease.sourceId, fromUs: gap.fromUs, toUs: gap.toUs }, 'stream: events between the stored cursor and the first event received were no longer kept by the instance; gap recorded for backfill')
          }
        }, deps.policy, options, stop, (frames) => metrics.queued(lease.sourceId, frames))
        if (outcome.ended === 'stopped') break
        failures = outcome.received > 0 ? 0 : failures + 1
      } catch (error) {
        if (error instanceof LeaseLostError) break
        failures++
        log.warn({ sourceId: lease.sourceId, instance: url, err: error }, 'stream: connection failed')
        // Shown with the source in the API until a batch is stored again (advanceCursor clears it).
        await recordStreamError(db, lease, connectionFailure(url, error)).catch(() => {})
      }
      metrics.reconnected(lease.sourceId)
      if (failures > 0) instance++ // the next instance after a failure
      const wait = failures === 0 ? 0 : Math.min(options.reconnectMaxMs, options.reconnectMs * 2 ** Math.min(failures - 1, 10))
      if (wait > 0) await realSleep(wait, stop).catch(() => {})
    }
  } finally {
    held.release()
  }
}

/** Why a connection failed, for a person: the instance's address (never credentials: Jetstream needs none) and the cause. */
function connectionFailure(url: string, error: unknown): string {
  const cause = error instanceof Error ? (error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message) : String(error)
  return `The live stream at ${new URL(url).host} could not be read: ${cause}`
}

/** False when the lease was lost meanwhile. */
async function storeFirstCursor(db: Kysely<DB>, lease: Lease, instanceUrl: string): Promise<boolean> {
  const startUs = Date.now() * 1000
  try {
    await db.transaction().execute((trx) => advanceCursor(trx, lease, startUs, instanceUrl))
  } catch (error) {
    if (error instanceof LeaseLostError) return false
    throw error
  }
  lease.cursorUs = startUs
  return true
}
