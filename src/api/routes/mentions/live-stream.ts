// One client's live mention stream (server-sent events): the replay after its Last-Event-ID,
// then what the hub finds, each mention as the feed serves it; a heartbeat comment keeps proxies
// from closing an idle connection; a client that stops reading (its buffer over the limit) or a
// stream open longer than the limit is closed, and the client reconnects with Last-Event-ID. The
// key or session is checked again every `authCheckMs`: once revoked (or when it cannot be
// checked), the stream ends, and a reconnection with a revoked key is refused.
import type { ServerResponse } from 'node:http'
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { liveMentions, matchesAfter, type LiveMention, type MatchMark } from '../../../insight/mentions/new-mentions.ts'
import type { MentionHub } from '../../../insight/mentions/mention-hub.ts'

export interface LiveStreamOptions {
  heartbeatMs: number
  /** A stream is closed after this long; the client reconnects (and its key is checked again). */
  maxDurationMs: number
  /** Bytes waiting for a client that does not read; above, its stream is closed. */
  maxBufferedBytes: number
  /** Mentions replayed after a Last-Event-ID at most; beyond, an `overflow` event says to read the feed. */
  replayMax: number
  /** How often the stream's key or session is checked again; a revoked one closes the stream. */
  authCheckMs: number
}

export const DEFAULT_LIVE_STREAM_OPTIONS: Readonly<LiveStreamOptions> = Object.freeze({ heartbeatMs: 15_000, maxDurationMs: 30 * 60_000, maxBufferedBytes: 1 << 20, replayMax: 1000, authCheckMs: 10_000 })

const REPLAY_PAGE = 200

const frame = (m: LiveMention) => `id: ${m.eventId}\nevent: mention\ndata: ${JSON.stringify(m.mention)}\n\n`

/** Streams until the client leaves, the stream is too old or slow, or `closed` is called; resolves then. */
export async function runLiveStream(db: Kysely<DB>, hub: MentionHub, topicId: string, resumeFrom: MatchMark | null, res: ServerResponse, options: LiveStreamOptions, stillAuthorized: () => Promise<boolean>): Promise<{ close(): void; done: Promise<void> }> {
  let ended = false
  let finished!: () => void
  const done = new Promise<void>((resolve) => { finished = resolve })
  const replayed = new Set<number>()
  let buffered: LiveMention[] | null = resumeFrom === null ? null : []
  const write = (text: string) => {
    if (ended) return
    res.write(text)
    if (res.writableLength > options.maxBufferedBytes) close()
  }
  const send = (mentions: readonly LiveMention[]) => {
    if (buffered !== null) return void buffered.push(...mentions)
    for (const mention of mentions) if (!replayed.has(mention.mark.postId)) write(frame(mention))
  }
  const stopWatching = await hub.watch(topicId, send)
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs)
  const limit = setTimeout(() => close(), options.maxDurationMs)
  let checking = false
  const authCheck = setInterval(() => {
    if (checking) return
    checking = true
    stillAuthorized().then((yes) => { if (!yes) close() }, () => close()).finally(() => { checking = false })
  }, options.authCheckMs)
  function close(): void {
    if (ended) return
    ended = true
    stopWatching()
    clearInterval(heartbeat)
    clearInterval(authCheck)
    clearTimeout(limit)
    res.end()
    finished()
  }
  res.once('close', close)
  if (res.destroyed) close()
  write('retry: 3000\n\n')
  if (resumeFrom !== null) {
    // Watched before the replay is read, so nothing stored meanwhile falls between the two.
    let mark = resumeFrom
    let more = true
    while (!ended && more && replayed.size < options.replayMax) {
      const wanted = Math.min(REPLAY_PAGE, options.replayMax - replayed.size)
      const marks = await matchesAfter(db, topicId, mark, wanted)
      for (const mention of await liveMentions(db, topicId, marks)) write(frame(mention))
      for (const one of marks) replayed.add(one.postId)
      more = marks.length === wanted
      if (more) mark = marks.at(-1)!
    }
    if (more && (await matchesAfter(db, topicId, mark, 1)).length > 0) write(`event: overflow\ndata: ${JSON.stringify({ detail: `More than ${options.replayMax} mentions were stored since the last event: read the rest from the mention feed.` })}\n\n`)
    const waiting = buffered ?? []
    buffered = null
    send(waiting)
  }
  write(': connected\n\n')
  return { close, done }
}
