// One connection to a Mastodon instance's streaming API: subscribe to every hashtag, catch up on
// the tag timelines while the stream's events wait in the bounded queue (../batch-queue.ts), then
// store the events in batches. A watchdog ends the connection when neither an event nor the server's heartbeat (a
// WebSocket ping) arrives in time: streams are known to stall without closing.
import WebSocket from 'ws'
import { guardedLookup } from '../../networks/http/resolve-target.ts'
import type { AddressPolicy } from '../../networks/http/address-policy.ts'
import type { StreamOptions } from '../stream-options.ts'
import { BatchQueue } from '../batch-queue.ts'
import { parseMastodonFrame } from './streaming-event.ts'
import type { MastodonBatchItem } from './store-mastodon-batch.ts'

export interface MastodonConnectionTarget {
  /** ws(s)://host[/prefix] from the instance's configuration. */
  streamingUrl: string
  accessToken: string
  tags: readonly string[]
}

export interface MastodonConnectionOutcome {
  received: number
  /** The instance closed or dropped it, the watchdog saw nothing in time, the tags changed, or the reader stopped. */
  ended: 'closed' | 'idle' | 'resubscribe' | 'stopped'
}

/** The instance refused the connection (401/403: no user token, or one it does not accept). */
export class StreamRefusedError extends Error {
  constructor(readonly status: number) {
    super(status === 401 || status === 403
      ? `The instance refused its streaming API (${status}): it needs the access token of a user account (scope read:statuses) in the source's credentials.`
      : `The instance answered ${status} instead of opening its streaming API.`)
  }
}

export interface MastodonConnectionHooks {
  /** Pages the tag timelines; events wait meanwhile. */
  catchUp(signal: AbortSignal): Promise<void>
  /** Stores a batch of events (in order) with their checkpoint. */
  write(items: MastodonBatchItem[]): Promise<void>
  /** True when the subscriptions should change: the connection ends to be opened again. */
  tagsChanged(): Promise<boolean>
}

/** `observeQueue` hears how many events wait after each change (for the queue-depth metric). */
export function readMastodonConnection(target: MastodonConnectionTarget, hooks: MastodonConnectionHooks, policy: AddressPolicy, options: StreamOptions, signal: AbortSignal, observeQueue: (events: number) => void = () => {}): Promise<MastodonConnectionOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${target.streamingUrl}/api/v1/streaming`, {
      headers: { authorization: `Bearer ${target.accessToken}` },
      lookup: guardedLookup(policy.allowPrivate, policy.resolver) as never,
      maxPayload: options.maxFrameBytes,
      handshakeTimeout: 10_000,
      perMessageDeflate: false,
    })
    const connection = new AbortController()
    let received = 0
    /** The catch-up's page in flight settles before the connection is over (a stop waits for it). */
    let catchUpSettled = true
    let lastSign = Date.now()
    let lastTopicsCheck = Date.now()
    let ended: MastodonConnectionOutcome['ended'] | null = null
    let failure: unknown = null
    const queue = new BatchQueue<MastodonBatchItem>(options, socket, (items) => hooks.write(items), {
      ended: () => ended !== null,
      settled: () => finish(),
      failed: (error) => end('closed', error),
    }, observeQueue)
    // Events wait while the tag timelines are paged.
    queue.held = true

    const finish = () => {
      if (queue.writing || !catchUpSettled) return
      // Events received before a close or a stop are stored once the catch-up is over.
      if (failure === null && queue.length > 0 && !queue.held) return queue.pump(true)
      clearInterval(timer)
      observeQueue(0)
      signal.removeEventListener('abort', stop)
      if (failure !== null) reject(failure)
      else resolve({ received, ended: ended ?? 'closed' })
    }
    const end = (why: MastodonConnectionOutcome['ended'], error: unknown = null) => {
      if (ended === null) ended = why
      if (error !== null && failure === null) failure = error
      // Not stored: paged again from the checkpoint on the next connection.
      if (error !== null || queue.held) queue.clear()
      queue.held = false
      connection.abort()
      socket.terminate()
      finish()
    }
    const stop = () => end('stopped')

    socket.on('unexpected-response', (_request, response) => end('closed', new StreamRefusedError(response.statusCode ?? 0)))
    socket.on('open', () => {
      for (const tag of target.tags) socket.send(JSON.stringify({ type: 'subscribe', stream: 'hashtag', tag }))
      catchUpSettled = false
      hooks.catchUp(connection.signal).then(
        () => {
          catchUpSettled = true
          queue.held = false
          if (ended === null) queue.pump(true)
          else finish()
        },
        (error: unknown) => {
          catchUpSettled = true
          if (ended === null) end('closed', error)
          else finish()
        },
      )
    })
    socket.on('ping', () => { lastSign = Date.now() })
    socket.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      lastSign = Date.now()
      if (ended !== null || isBinary) return
      const text = data.toString()
      received++
      const event = parseMastodonFrame(text)
      if (event === null) return
      queue.push(event.kind === 'delete' ? event : { kind: 'status', status: event.status, edited: event.edited, tag: event.hashtag }, text.length)
    })
    socket.on('close', () => end('closed'))
    socket.on('error', (error) => end('closed', received === 0 && failure === null ? error : null))
    const timer = setInterval(() => {
      if (ended !== null) return
      // The watchdog: nothing from the instance, not even its heartbeat, for too long.
      if (Date.now() - lastSign > options.idleMs && !queue.isPaused) return end('idle')
      if (Date.now() - lastTopicsCheck > options.topicsRefreshMs) {
        lastTopicsCheck = Date.now()
        hooks.tagsChanged().then((changed) => { if (changed && ended === null) end('resubscribe') }, () => {})
      }
      queue.pump()
    }, Math.max(10, Math.floor(Math.min(options.flushMs, options.idleMs) / 4)))
    if (signal.aborted) stop()
    else signal.addEventListener('abort', stop, { once: true })
  })
}
