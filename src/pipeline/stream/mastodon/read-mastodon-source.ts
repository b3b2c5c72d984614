// The live reader of one Mastodon source, while this process holds its lease: asks the instance
// where it streams from, opens one connection carrying every hashtag the workspace's topics are
// anchored on, catches up on the tag timelines, then stores the stream. Why it cannot read (no
// user token, refused, unreachable) is written on the source's lease row, and it tries again.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { credentialPurpose } from '../../../platform/secrets/stored-secrets.ts'
import type { SecretBox } from '../../../platform/secrets/secret-box.ts'
import { ConnectorError } from '../../networks/errors.ts'
import { checkOutboundUrl } from '../../networks/http/address-policy.ts'
import { realSleep } from '../../networks/http/backoff.ts'
import { MastodonIdIndex } from '../../networks/mastodon/id-index.ts'
import { workspaceTopicMatchers, type TopicMatcher } from '../../ingest/topic-matchers.ts'
import { keepLease } from '../lease-renewal.ts'
import type { SourceReaderDeps } from '../read-source.ts'
import { LeaseLostError, recordStreamError, type Lease } from '../stream-lease.ts'
import { catchUpTags } from './catch-up.ts'
import { instanceDomain } from '../../networks/mastodon/instance-domain.ts'
import { instanceClient, streamingBaseUrl } from './instance-api.ts'
import { readMastodonConnection, StreamRefusedError } from './read-mastodon-connection.ts'
import { storeMastodonBatch, type MastodonBatchItem } from './store-mastodon-batch.ts'
import { streamedHashtags } from './stream-hashtags.ts'
import { readTagCheckpoint } from './tag-checkpoint.ts'

export interface MastodonSourceRow {
  base_url: string | null
  settings: Record<string, string>
  /** Sealed, as stored. */
  credentials: Record<string, string>
}

export interface MastodonReaderDeps extends SourceReaderDeps {
  secrets: SecretBox
}

/** What the source's status says, for a person: never a token. */
function explain(error: unknown): string {
  if (error instanceof StreamRefusedError || error instanceof ConnectorError) return error.message
  return `The instance's stream could not be read: ${error instanceof Error ? error.message : String(error)}`
}

function accessTokenOf(source: MastodonSourceRow, secrets: SecretBox): string | null {
  const sealed = source.credentials.accessToken
  if (sealed === undefined || sealed === '') return null
  return secrets.open(sealed, credentialPurpose('accessToken')).trim() || null
}

const untilStopped = (signal: AbortSignal) => new Promise<void>((resolve) => {
  if (signal.aborted) resolve()
  else signal.addEventListener('abort', () => resolve(), { once: true })
})

/** Reads until `signal` aborts or the lease is lost; never throws for the instance's failures. */
export async function readMastodonSource(deps: MastodonReaderDeps, lease: Lease, source: MastodonSourceRow, signal: AbortSignal): Promise<void> {
  const { db, options, log, metrics } = deps
  const held = keepLease(db, lease, options.leaseMs)
  const stop = AbortSignal.any([signal, held.lost])
  let failures = 0
  const wait = (ms: number) => realSleep(ms, stop).catch(() => {})
  const fail = async (message: string, error?: unknown) => {
    failures++
    log.warn({ sourceId: lease.sourceId, ...(error !== undefined && { err: error }) }, `stream: ${message}`)
    await recordStreamError(db, lease, message).catch(() => {})
  }
  try {
    let token: string | null
    try {
      token = accessTokenOf(source, deps.secrets)
    } catch (error) {
      await fail(`The source's access token cannot be opened by this process: ${error instanceof Error ? error.message : String(error)}`)
      return await untilStopped(stop)
    }
    if (token === null || source.base_url === null) {
      // Since Mastodon 4.2 every stream needs a user's token; the source stays unread until it has one.
      await fail(source.base_url === null ? 'This Mastodon source names no instance (baseUrl).' : 'Mastodon streams need the access token of a user account (scope read:statuses): this source has none. Register the source again with credentials.accessToken.')
      // Held, unread, until the source changes (turned off or deleted) or the process stops: trying again would only say the same.
      return await untilStopped(stop)
    }
    const baseUrl = source.base_url
    const http = instanceClient(baseUrl, token, deps.policy)
    // Accounts are named after the instance's account domain, as scheduled collection names them
    // (it may differ from the host the instance is reached at).
    const domain = instanceDomain(http, baseUrl, source.settings.localDomain)
    let localDomain: string | null = null
    while (localDomain === null && !stop.aborted) {
      try {
        localDomain = await domain.get(stop)
      } catch (error) {
        await fail('The instance could not be asked for the domain of its accounts; trying again.', error)
        await wait(options.reconnectMaxMs)
      }
    }
    if (localDomain === null) return
    const index = new MastodonIdIndex(localDomain)
    let checkpoint = await readTagCheckpoint(db, lease.sourceId)
    let matchers: { list: TopicMatcher[]; at: number } | null = null
    const topics = async () => {
      if (matchers === null || Date.now() - matchers.at > options.topicsRefreshMs) matchers = { list: await workspaceTopicMatchers(db, lease.workspaceId), at: Date.now() }
      return matchers.list
    }

    while (!stop.aborted) {
      try {
        const tags = streamedHashtags(await topics())
        if (tags.length === 0) {
          await recordStreamError(db, lease, 'No topic of this workspace is anchored on a hashtag: a Mastodon stream follows hashtags only, so nothing is streamed.')
          await wait(options.topicsRefreshMs)
          continue
        }
        const streamingUrl = await streamingBaseUrl(http, baseUrl, stop)
        // The operator's policy for sources, as for their http calls: wss:// is https://, ws:// is http://.
        await checkOutboundUrl(new URL(streamingUrl.replace(/^ws/, 'http')), deps.policy, 'source')
        const store = async (items: MastodonBatchItem[]) => {
          const result = await storeMastodonBatch({ db, lease, localDomain, index, matchers: await topics(), instanceUrl: streamingUrl }, checkpoint, items)
          checkpoint = result.checkpoint
          if (result.newestUs > 0) metrics.batchStored(lease.sourceId, items.length, result.newestUs)
          return result.checkpoint
        }
        const outcome = await readMastodonConnection({ streamingUrl, accessToken: token, tags }, {
          catchUp: async (connection) => {
            await catchUpTags(http, tags, checkpoint, store, connection)
            await recordStreamError(db, lease, null)
          },
          write: async (items) => { await store(items) },
          tagsChanged: async () => streamedHashtags(await topics()).join('\n') !== tags.join('\n'),
        }, deps.policy, options, stop, (events) => metrics.queued(lease.sourceId, events))
        if (outcome.ended === 'stopped') break
        if (outcome.ended === 'idle') log.warn({ sourceId: lease.sourceId }, 'stream: neither event nor heartbeat from the instance in time; reconnecting')
        failures = outcome.received > 0 || outcome.ended === 'resubscribe' ? 0 : failures + 1
      } catch (error) {
        if (error instanceof LeaseLostError || stop.aborted) break
        await fail(explain(error), error)
      }
      metrics.reconnected(lease.sourceId)
      const pause = failures === 0 ? 0 : Math.min(options.reconnectMaxMs, options.reconnectMs * 2 ** Math.min(failures - 1, 10))
      if (pause > 0) await wait(pause)
    }
  } finally {
    held.release()
  }
}
