// A local Jetstream v1 instance (shared/reference/network-apis.md §3.7) serving a generated log:
// an event is published once the clock passes its time_us, so the log's spacing is its rate.
// `/subscribe` honours wantedCollections and wantedDids (identity and account events pass the
// collection filter), replays from `cursor` (unix µs), and clamps a cursor older than its replay
// window to the oldest event it keeps, silently. Tests may drop connections, re-deliver events
// and count what was sent.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import type { JetstreamEvent } from './event-log.ts'

export interface FakeJetstreamOptions {
  events: JetstreamEvent[]
  /** Events older than this (from now) are no longer kept: a cursor before them is clamped. */
  replayWindowUs?: number
  /** Close each connection abruptly after sending this many events. */
  dropAfter?: number
  /** Send every n-th event twice. */
  duplicateEvery?: number
  /** The clock, in µs; tests may move it. */
  nowUs?: () => number
}

export interface FakeJetstream {
  url: string
  /** The cursors connections asked for (null: live), in order. */
  requestedCursors: (number | null)[]
  connections: number
  sent: number
  /** Closes every open connection abruptly (no close frame). */
  dropAll(): void
  close(): Promise<void>
}

const SEND_TICK_MS = 5
const MAX_BUFFERED = 1 << 20

export async function startFakeJetstream(options: FakeJetstreamOptions): Promise<FakeJetstream> {
  const { events, replayWindowUs = 36 * 3600e6, dropAfter, duplicateEvery } = options
  const nowUs = options.nowUs ?? (() => Date.now() * 1000)
  const sockets = new Set<WebSocket>()
  const http: Server = createServer((_req, res) => res.writeHead(404).end())
  const wss = new WebSocketServer({ noServer: true })
  const state: FakeJetstream = {
    url: '',
    requestedCursors: [],
    connections: 0,
    sent: 0,
    dropAll: () => { for (const socket of sockets) socket.terminate() },
    close: async () => {
      state.dropAll()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }

  /** Index of the first event at or after `timeUs`. */
  const firstAtOrAfter = (timeUs: number) => {
    let low = 0
    let high = events.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (events[middle].time_us < timeUs) low = middle + 1
      else high = middle
    }
    return low
  }

  http.on('upgrade', (request, socket, head) => {
    socket.on('error', () => {}) // a client's reset of a refused or handed-off socket is not the fake's error
    const url = new URL(request.url ?? '/', 'http://fake')
    if (url.pathname !== '/subscribe') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n')
      return
    }
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws, url.searchParams))
  })

  function serve(ws: WebSocket, params: URLSearchParams): void {
    state.connections++
    sockets.add(ws)
    const collections = new Set(params.getAll('wantedCollections'))
    const dids = new Set(params.getAll('wantedDids'))
    const cursorParam = params.get('cursor')
    const cursor = cursorParam === null ? null : Number(cursorParam)
    state.requestedCursors.push(cursor)
    const oldestKept = firstAtOrAfter(nowUs() - replayWindowUs)
    // No cursor: live from now. A cursor before the window: the oldest event kept, without a word.
    let position = cursor === null ? firstAtOrAfter(nowUs()) : Math.max(oldestKept, firstAtOrAfter(cursor))
    let sentHere = 0
    const wanted = (event: JetstreamEvent) =>
      (dids.size === 0 || dids.has(event.did)) && (event.kind !== 'commit' || collections.size === 0 || collections.has(event.commit.collection))
    const timer = setInterval(() => {
      const now = nowUs()
      while (position < events.length && events[position].time_us <= now && ws.bufferedAmount < MAX_BUFFERED) {
        const event = events[position++]
        if (!wanted(event)) continue
        const frame = JSON.stringify(event)
        ws.send(frame)
        state.sent++
        sentHere++
        if (duplicateEvery && sentHere % duplicateEvery === 0) ws.send(frame)
        if (dropAfter && sentHere >= dropAfter) {
          ws.terminate()
          return
        }
      }
    }, SEND_TICK_MS)
    ws.on('close', () => {
      clearInterval(timer)
      sockets.delete(ws)
    })
    ws.on('error', () => ws.terminate())
  }

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  state.url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`
  return state
}
