// A fake Mastodon instance on 127.0.0.1 speaking the documented wire format: array bodies, Link
// pagination, silently clamped limits, X-RateLimit-* with an ISO reset, 429 without Retry-After,
// `{"error": ...}` bodies, HTML content, remote accounts with `@domain`.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { startFakeServer, withFaults, type FaultInjector, type FaultOptions, type Handler } from '../fault-injection.ts'
import { UnknownIdError } from './paginate.ts'
import { route } from './routes.ts'
import type { FakeMastodonSeed } from './seed.ts'
import { FakeMastodonState } from './state.ts'
import { attachStreaming, type FakeMastodonStreaming } from './streaming.ts'

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  authorization: string | null
}

export interface FakeMastodonOptions {
  /** Share of requests that fail the way real servers and proxies fail (see fault-injection.ts). */
  faults?: Omit<FaultOptions, 'rateLimitHeaders' | 'rateLimitBody'>
  /** Clock for rate-limit windows, shared with the client's in tests that do not wait for real. */
  now?: () => number
  /** The streams' heartbeat (a WebSocket ping, an SSE comment); default 100 ms. */
  heartbeatMs?: number
}

export interface FakeMastodon {
  url: string
  /** The instance's own host, i.e. the domain of its local accounts. */
  host: string
  state: FakeMastodonState
  requests: RecordedRequest[]
  faults: FaultInjector | null
  /** The streaming API (see streaming.ts). */
  streaming: FakeMastodonStreaming
  close(): Promise<void>
}

/** Mastodon's reset format: ISO 8601 with six fractional digits. */
function isoReset(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}

export async function startFakeMastodon(seed: FakeMastodonSeed, options: FakeMastodonOptions = {}): Promise<FakeMastodon> {
  const state = new FakeMastodonState(seed)
  const requests: RecordedRequest[] = []
  const now = options.now ?? Date.now
  const window = { start: 0, used: 0 }
  let origin = ''
  let sse: ((req: IncomingMessage, res: ServerResponse, url: URL) => boolean) | null = null

  const rateLimitHeaders = (): Record<string, string> => {
    if (seed.rateLimit === undefined) return {}
    const { limit, windowMs } = seed.rateLimit
    return {
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(Math.max(0, limit - window.used)),
      'X-RateLimit-Reset': isoReset(window.start + windowMs),
    }
  }

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...rateLimitHeaders(), ...headers })
    res.end(JSON.stringify(body))
  }

  const handler: Handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin)
    const authorization = req.headers.authorization ?? null
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, authorization })
    if (seed.rateLimit !== undefined) {
      if (now() >= window.start + seed.rateLimit.windowMs) Object.assign(window, { start: now(), used: 0 })
      window.used++
      if (window.used > seed.rateLimit.limit) return send(res, 429, { error: 'Too many requests' })
    }
    const token = authorization?.replace(/^Bearer\s+/i, '') ?? null
    if (token !== null && !state.tokens.has(token)) return send(res, 401, { error: 'The access token is invalid' })
    if (req.method !== 'GET') return send(res, 404, { error: 'Record not found' })
    if (sse?.(req, res, url)) return
    try {
      const reply = route({ state, origin, path: url.pathname, query: url.searchParams, authenticated: token !== null, tokenOwner: token === null ? null : state.tokenOwners.get(token) ?? null })
      send(res, reply.status, reply.body, reply.headers)
    } catch (err) {
      if (!(err instanceof UnknownIdError)) throw err
      send(res, 400, { error: err.message })
    }
  }

  const faults = options.faults
    ? withFaults(handler, {
        ...options.faults,
        rateLimitHeaders: () => ({ 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': isoReset(now() + 1000) }),
        rateLimitBody: '{"error":"Too many requests"}',
      })
    : null
  const running = await startFakeServer(faults?.handler ?? handler)
  origin = running.url
  const attached = attachStreaming(running.server, state, () => origin, options.heartbeatMs)
  sse = attached.serveSse
  const close = async () => {
    attached.streaming.close()
    await running.close()
  }
  return { url: running.url, host: new URL(running.url).host, state, requests, faults, streaming: attached.streaming, close }
}
