// One connection to a Jetstream instance: socket → bounded queue (batch-queue.ts: reading pauses
// above its high-water mark, the instance keeps the events) → batches stored with their cursor.
import WebSocket from 'ws'
import { guardedLookup } from '../networks/http/resolve-target.ts'
import type { AddressPolicy } from '../networks/http/address-policy.ts'
import { parseJetstreamFrame, type JetstreamEvent } from './jetstream-event.ts'
import { subscribeUrl } from '../networks/bluesky/jetstream-settings.ts'
import type { StreamGap } from './store-stream-batch.ts'
import type { StreamOptions } from './stream-options.ts'
import { BatchQueue } from './batch-queue.ts'

export interface ConnectionTarget {
  instance: string
  /** Where to read from (unix µs), null: live. */
  fromUs: number | null
  /** The stored cursor: a first event far after it means a gap. */
  storedCursorUs: number | null
}

export interface ConnectionOutcome {
  /** Events received on this connection. */
  received: number
  /** Why it ended: the instance closed or dropped it, it went idle, or the reader stopped. */
  ended: 'closed' | 'idle' | 'stopped'
}

/** Stores one batch of events (in order) and returns when they and their cursor are committed. */
export type BatchWriter = (events: JetstreamEvent[], gap: StreamGap | null) => Promise<void>

/** `observeQueue` hears how many frames wait after each change (for the queue-depth metric). */
export function readConnection(target: ConnectionTarget, write: BatchWriter, policy: AddressPolicy, options: StreamOptions, signal: AbortSignal, observeQueue: (frames: number) => void = () => {}): Promise<ConnectionOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(subscribeUrl(target.instance, target.fromUs), {
      lookup: guardedLookup(policy.allowPrivate, policy.resolver) as never,
      maxPayload: options.maxFrameBytes,
      handshakeTimeout: 10_000,
      perMessageDeflate: false,
    })
    let received = 0
    let lastFrame = Date.now()
    let ended: ConnectionOutcome['ended'] | null = null
    let failure: unknown = null
    let firstEventSeen = false
    let gap: StreamGap | null = null

    /** Parses a batch of frames (a first event far after the stored cursor is a gap) and stores it. */
    const writeFrames = async (frames: string[]) => {
      const events: JetstreamEvent[] = []
      for (const frame of frames) {
        const event = parseJetstreamFrame(frame)
        if (event === null) continue
        if (!firstEventSeen) {
          firstEventSeen = true
          if (target.storedCursorUs !== null && event.time_us - target.storedCursorUs > options.gapUs) gap = { fromUs: target.storedCursorUs, toUs: event.time_us }
        }
        events.push(event)
      }
      const batchGap = gap
      if (events.length > 0) await write(events, batchGap)
      if (batchGap !== null) gap = null
    }
    const queue = new BatchQueue<string>(options, socket, writeFrames, {
      ended: () => ended !== null,
      settled: () => finish(),
      failed: (error) => end('closed', error),
    }, observeQueue)

    const finish = () => {
      if (queue.writing) return // the batch in flight settles first
      // Frames received before a close or a stop are stored (a stop waits for them, bounded by the high-water mark).
      if (failure === null && queue.length > 0) return queue.pump(true)
      clearInterval(timer)
      observeQueue(0)
      signal.removeEventListener('abort', stop)
      if (failure !== null) reject(failure)
      else resolve({ received, ended: ended ?? 'closed' })
    }
    const end = (why: ConnectionOutcome['ended'], error: unknown = null) => {
      if (ended === null) ended = why
      if (error !== null && failure === null) failure = error
      if (error !== null) queue.clear() // not stored: read again from the cursor
      socket.terminate()
      finish()
    }
    const stop = () => end('stopped')

    socket.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      if (ended !== null || isBinary) return
      const frame = data.toString()
      lastFrame = Date.now()
      received++
      queue.push(frame, frame.length)
    })
    socket.on('close', () => end('closed'))
    socket.on('error', (error) => {
      // A connection that never opened is a failure of this instance; one that broke is a drop.
      if (received === 0) end('closed', error)
      else end('closed')
    })
    const timer = setInterval(() => {
      if (ended !== null) return
      if (Date.now() - lastFrame > options.idleMs && !queue.isPaused) return end('idle')
      queue.pump()
    }, Math.max(10, Math.floor(options.flushMs / 4)))
    if (signal.aborted) stop()
    else signal.addEventListener('abort', stop, { once: true })
  })
}
