// The fake instance's streaming API, fed by the same state its REST routes page: WebSocket at
// `/api/v1/streaming` (subscribe messages `{"type":"subscribe","stream":"hashtag","tag":"…"}`) and
// SSE at `/api/v1/streaming/hashtag?tag=…`. As Mastodon since 4.2: a user's token or 401; frames
// `{stream, event, payload}` with the payload a JSON string (a bare id for `delete`); a WebSocket
// ping (SSE: a `:thump` comment) as heartbeat. Tests may drop every connection or stall the
// streams: then nothing at all is sent, heartbeat included, and the connections stay open.
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { renderStatus } from './render-status.ts'
import type { FakeMastodonStatus } from './seed.ts'
import type { FakeMastodonChange, FakeMastodonState } from './state.ts'

export interface FakeMastodonStreaming {
  /** Connections accepted so far (WebSocket and SSE). */
  connections: number
  /** Connections refused for want of a user token. */
  refused: number
  /** Open WebSocket connections now. */
  open(): number
  /** While true the streams send nothing, not even their heartbeat; what happens meanwhile is lost to them. */
  stalled: boolean
  /** Closes every streaming connection abruptly. */
  dropAll(): void
  close(): void
}

interface Subscriber {
  tags: Set<string>
  send(event: string, payload: string, tag: string): void
  heartbeat(): void
  drop(): void
}

const bearer = (req: IncomingMessage, url: URL): string | null =>
  req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? url.searchParams.get('access_token')

export interface AttachedStreaming {
  streaming: FakeMastodonStreaming
  serveSse(req: IncomingMessage, res: ServerResponse, url: URL): boolean
}

export function attachStreaming(server: Server, state: FakeMastodonState, origin: () => string, heartbeatMs = 100): AttachedStreaming {
  const subscribers = new Set<Subscriber>()
  const wss = new WebSocketServer({ noServer: true })
  const streaming: FakeMastodonStreaming = {
    connections: 0,
    refused: 0,
    open: () => wss.clients.size,
    stalled: false,
    dropAll: () => { for (const subscriber of subscribers) subscriber.drop() },
    close: () => {
      clearInterval(timer)
      state.listeners.delete(listener)
      streaming.dropAll()
      server.off('upgrade', upgrade)
    },
  }
  const isUser = (token: string | null) => token !== null && state.tokenOwners.has(token)

  /** Hashtag streams carry public, original statuses with the tag (as the hashtag timeline lists them). */
  const tagsOf = (status: FakeMastodonStatus): string[] => {
    if ((status.visibility ?? 'public') !== 'public' || status.reblogOfId !== undefined) return []
    const rendered = renderStatus(status, { state, origin: origin() }) as { tags: { name: string }[] }
    return rendered.tags.map((tag) => tag.name.toLowerCase())
  }
  const listener = (change: FakeMastodonChange) => {
    if (streaming.stalled) return
    const tags = tagsOf(change.status)
    const payload = change.event === 'delete' ? change.status.id : JSON.stringify(renderStatus(change.status, { state, origin: origin() }))
    for (const subscriber of subscribers) for (const tag of tags) if (subscriber.tags.has(tag)) subscriber.send(change.event, payload, tag)
  }
  state.listeners.add(listener)
  const timer = setInterval(() => {
    if (!streaming.stalled) for (const subscriber of subscribers) subscriber.heartbeat()
  }, heartbeatMs)

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Past the upgrade the server no longer watches the socket: a client that resets it (as one
    // refused does) must not be an uncaught error.
    socket.on('error', () => {})
    const url = new URL(req.url ?? '/', origin())
    if (url.pathname !== '/api/v1/streaming') return void socket.destroy()
    if (!isUser(bearer(req, url))) {
      streaming.refused++
      const body = '{"error":"Error: Missing access token"}'
      socket.end(`HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      streaming.connections++
      const subscriber: Subscriber = {
        tags: new Set(),
        send: (event, payload, tag) => ws.send(JSON.stringify({ stream: ['hashtag', tag], event, payload })),
        heartbeat: () => ws.ping(),
        drop: () => ws.terminate(),
      }
      subscribers.add(subscriber)
      ws.on('message', (data) => {
        let message: { type?: string; stream?: string; tag?: string }
        try {
          message = JSON.parse(data.toString()) as typeof message
        } catch {
          return
        }
        if (message.stream !== 'hashtag' || typeof message.tag !== 'string') return
        if (message.type === 'subscribe') subscriber.tags.add(message.tag.toLowerCase())
        if (message.type === 'unsubscribe') subscriber.tags.delete(message.tag.toLowerCase())
      })
      ws.on('close', () => subscribers.delete(subscriber))
    })
  }
  server.on('upgrade', upgrade)

  /** `GET /api/v1/streaming/hashtag?tag=…` as server-sent events; false when the request is not one. */
  const serveSse = (req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
    if (url.pathname !== '/api/v1/streaming/hashtag') return false
    if (!isUser(bearer(req, url))) {
      streaming.refused++
      res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error":"Error: Missing access token"}')
      return true
    }
    streaming.connections++
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' })
    res.write(':)\n')
    const subscriber: Subscriber = {
      tags: new Set([(url.searchParams.get('tag') ?? '').toLowerCase()]),
      send: (event, payload) => res.write(`event: ${event}\ndata: ${payload}\n\n`),
      heartbeat: () => res.write(':thump\n'),
      drop: () => res.destroy(),
    }
    subscribers.add(subscriber)
    res.on('close', () => subscribers.delete(subscriber))
    return true
  }
  return { streaming, serveSse }
}
