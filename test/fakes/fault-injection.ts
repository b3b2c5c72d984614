// Shared by every fake network server: a wrapper that makes a seeded share of requests fail the
// way real APIs and their CDNs fail, plus the small pieces fakes need (a listener on 127.0.0.1
// port 0, a seeded PRNG, a manual clock).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createPrng } from '../../src/graph/prng.ts'

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown

export const FAULT_KINDS = [
  'rate-limited-with-reset', // 429 with the network's reset / Retry-After headers
  'rate-limited-bare', // 429 with no header saying when to come back
  'server-error', // 500 JSON
  'bad-gateway-html', // 502 HTML page from a proxy
  'hang', // never answers (the client must time out)
  'truncated-json', // 200 whose JSON body stops half-way
  'connection-reset', // socket destroyed before any byte
] as const
export type FaultKind = (typeof FAULT_KINDS)[number]

/** Uniform floats in [0, 1) from a seed: faults picked reproducibly. */
export const seededRandom = (seed: number): (() => number) => createPrng(seed).next

export interface FaultOptions {
  seed: number
  /** Share of requests answered with a fault, default 0.2. */
  rate?: number
  kinds?: readonly FaultKind[]
  /** Headers of a 429 "with reset", in the network's own format (e.g. `{ 'Retry-After': '2' }`). */
  rateLimitHeaders?: () => Record<string, string>
  /** Body of the 429s, in the network's own error format. */
  rateLimitBody?: string
  /** Requests that must never fail (e.g. a test's own control endpoint). */
  exempt?: (req: IncomingMessage) => boolean
}

export interface FaultInjector {
  handler: Handler
  /** How many of each fault were injected so far. */
  readonly injected: Record<FaultKind, number>
  readonly injectedTotal: number
}

const BAD_GATEWAY_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n'

export function withFaults(inner: Handler, options: FaultOptions): FaultInjector {
  const random = seededRandom(options.seed)
  const rate = options.rate ?? 0.2
  const kinds = options.kinds ?? FAULT_KINDS
  const injected = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>
  let total = 0

  function answer(kind: FaultKind, req: IncomingMessage, res: ServerResponse): void {
    const json = { 'Content-Type': 'application/json; charset=utf-8' }
    switch (kind) {
      case 'rate-limited-with-reset':
        res.writeHead(429, { ...json, ...options.rateLimitHeaders?.() })
        res.end(options.rateLimitBody ?? '{"error":"Too Many Requests"}')
        return
      case 'rate-limited-bare':
        res.writeHead(429, json)
        res.end(options.rateLimitBody ?? '{"error":"Too Many Requests"}')
        return
      case 'server-error':
        res.writeHead(500, json)
        res.end('{"error":"InternalServerError","message":"Internal Server Error"}')
        return
      case 'bad-gateway-html':
        res.writeHead(502, { 'Content-Type': 'text/html' })
        res.end(BAD_GATEWAY_PAGE)
        return
      case 'hang':
        // Held open until the client gives up or the server closes its connections.
        req.resume()
        return
      case 'truncated-json':
        if (random() < 0.5) {
          res.writeHead(200, json)
          res.end('{"data":[{"id":"1","te')
        } else {
          // Promise more bytes than are sent, then drop the connection.
          res.writeHead(200, { ...json, 'Content-Length': '4096' })
          res.write('{"kind":"Listing","data":{"children":[')
          setTimeout(() => res.socket?.destroy(), 5)
        }
        return
      case 'connection-reset':
        req.socket.destroy()
        return
    }
  }

  const handler: Handler = (req, res) => {
    if (!options.exempt?.(req) && random() < rate) {
      const kind = kinds[Math.floor(random() * kinds.length)]
      injected[kind]++
      total++
      answer(kind, req, res)
      return
    }
    return inner(req, res)
  }
  return {
    handler,
    injected,
    get injectedTotal() {
      return total
    },
  }
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  server: Server
  close(): Promise<void>
}

/** Serves a handler on 127.0.0.1, port 0; a handler that throws answers 500. */
export async function startFakeServer(handler: Handler): Promise<RunningServer> {
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ error: 'FakeServerBug', message: String(err) }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A clock tests move by hand: `sleep` advances it instead of waiting, and remembers each wait. */
export interface ManualClock {
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  advance(ms: number): void
  readonly sleeps: number[]
}

export function createManualClock(startMs = Date.UTC(2024, 7, 21, 10, 0, 0)): ManualClock {
  let current = startMs
  const sleeps: number[] = []
  return {
    now: () => current,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted()
      sleeps.push(ms)
      current += Math.max(0, ms)
    },
    advance: (ms) => {
      current += ms
    },
    sleeps,
  }
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
