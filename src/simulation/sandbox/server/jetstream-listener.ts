// The sandbox's Jetstream instance: a listener of its own (ws://host:port, like a real instance's
// bare origin) serving `/subscribe` over WebSocket. A connection gets the Bluesky posts that
// exist at the sandbox's time, in creation order, and then each new one as the sandbox clock
// passes its creation time (live-clock.ts). `cursor` (unix µs) replays from that time; a cursor
// older than the replay window starts, silently, at the oldest post kept, as Jetstream does; no
// cursor: live from now. `wantedCollections` and `wantedDids` filter as on the real service.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { SANDBOX_HEADER } from '../types.ts'
import { collectionFilter, firstPostAtOrAfter, jetstreamPostEvent } from './bluesky/jetstream-events.ts'
import type { SandboxView } from './sandbox-view.ts'

/** Jetstream keeps about 36 hours of events. */
export const JETSTREAM_REPLAY_WINDOW_MS = 36 * 3_600_000
const PUBLISH_TICK_MS = 100
/** Posts looked at per connection and tick at most, so a long replay never holds the process. */
const POSTS_PER_TICK = 5_000
const MAX_BUFFERED_BYTES = 1 << 20
const MAX_CONNECTIONS = 64
const MAX_WANTED_COLLECTIONS = 100
const MAX_WANTED_DIDS = 10_000

export interface JetstreamListener {
  url: string
  close(): Promise<void>
}

function refuse(socket: Duplex, status: string, message: string): void {
  const body = JSON.stringify({ error: message })
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\n${SANDBOX_HEADER}: simulated\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
}

export async function startJetstreamListener(view: SandboxView, host: string, onRequest?: (request: { method: string; url: string }) => void): Promise<JetstreamListener> {
  const sockets = new Set<WebSocket>()
  const http: Server = createServer((req, res) => {
    onRequest?.({ method: req.method ?? 'GET', url: req.url ?? '/' })
    res.writeHead(req.url?.startsWith('/subscribe') ? 426 : 404, { 'Content-Type': 'application/json; charset=utf-8', [SANDBOX_HEADER]: 'simulated' })
    res.end(JSON.stringify({ error: req.url?.startsWith('/subscribe') ? 'Upgrade Required' : 'Not Found' }))
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 })

  http.on('upgrade', (request: IncomingMessage, socket, head) => {
    // Past the upgrade the server no longer watches the socket: a client that resets it (as one
    // refused may) must not take the process down.
    socket.on('error', () => {})
    onRequest?.({ method: request.method ?? 'GET', url: request.url ?? '/' })
    const url = new URL(request.url ?? '/', 'http://sandbox.invalid')
    if (url.pathname !== '/subscribe') return refuse(socket, '404 Not Found', 'Not Found')
    const collections = url.searchParams.getAll('wantedCollections')
    const dids = url.searchParams.getAll('wantedDids')
    if (collections.length > MAX_WANTED_COLLECTIONS || dids.length > MAX_WANTED_DIDS) return refuse(socket, '400 Bad Request', 'too many wantedCollections or wantedDids')
    const cursorParam = url.searchParams.get('cursor')
    const cursor = cursorParam === null ? null : Number(cursorParam)
    if (cursor !== null && !(Number.isSafeInteger(cursor) && cursor >= 0)) return refuse(socket, '400 Bad Request', 'cursor must be unix microseconds')
    if (sockets.size >= MAX_CONNECTIONS) return refuse(socket, '503 Service Unavailable', 'too many connections')
    wss.handleUpgrade(request, socket, head, (ws) => publish(ws, cursor, collectionFilter(collections), new Set(dids)))
  })

  function publish(ws: WebSocket, cursorUs: number | null, wantedCollection: (collection: string) => boolean, wantedDids: Set<string>): void {
    sockets.add(ws)
    const nowMs = view.now.getTime()
    // No cursor: live from now. A cursor before the window: the oldest post kept, without a word.
    let position = cursorUs === null
      ? view.visibleCount
      : Math.max(firstPostAtOrAfter(view, (nowMs - JETSTREAM_REPLAY_WINDOW_MS) * 1000), firstPostAtOrAfter(view, cursorUs))
    const send = () => {
      const end = Math.min(view.visibleCount, position + POSTS_PER_TICK)
      while (position < end && ws.bufferedAmount < MAX_BUFFERED_BYTES) {
        const event = jetstreamPostEvent(view, position++)
        if (event === null || !wantedCollection(event.commit.collection)) continue
        if (wantedDids.size > 0 && !wantedDids.has(event.did)) continue
        ws.send(JSON.stringify(event))
      }
    }
    send()
    const timer = setInterval(send, PUBLISH_TICK_MS)
    ws.on('close', () => {
      clearInterval(timer)
      sockets.delete(ws)
    })
    ws.on('error', () => ws.terminate())
    // What a client sends (Jetstream's options_update) is not applied here.
    ws.on('message', () => {})
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(0, host, () => resolve())
  })
  const address = http.address() as AddressInfo
  const hostName = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `ws://${hostName}:${address.port}`,
    close: async () => {
      for (const ws of sockets) ws.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await new Promise<void>((resolve, reject) => {
        http.close((error) => (error ? reject(error) : resolve()))
        http.closeAllConnections()
      })
    },
  }
}
