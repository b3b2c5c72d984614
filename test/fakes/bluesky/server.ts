// A fake Bluesky on 127.0.0.1 playing both AppView and PDS: `/xrpc/<nsid>`, repeated array
// params, `{error, message}` bodies, RateLimit-* headers with an epoch reset, 429 with
// Retry-After, 400 ExpiredToken for a stale access token (as a PDS answers), and the proxy's HTML
// 403 for anonymous searchPosts with a cursor (as public.api.bsky.app answers).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody, startFakeServer, withFaults, type FaultInjector, type FaultOptions, type Handler } from '../fault-injection.ts'
import { MalformedCursorError } from './keyset.ts'
import { xrpcError, xrpcGet, type XrpcReply } from './routes.ts'
import type { FakeBlueskySeed } from './seed.ts'
import { FakeBlueskyState } from './state.ts'

export interface RecordedXrpcRequest {
  method: string
  nsid: string
  query: URLSearchParams
  authorization: string | null
}

export interface FakeBlueskyOptions {
  faults?: Omit<FaultOptions, 'rateLimitHeaders' | 'rateLimitBody'>
  /** Clock for rate-limit windows, shared with the client's in tests that do not wait for real. */
  now?: () => number
}

export interface FakeBluesky {
  url: string
  state: FakeBlueskyState
  requests: RecordedXrpcRequest[]
  faults: FaultInjector | null
  close(): Promise<void>
}

const FORBIDDEN_PAGE = '<!DOCTYPE html>\n<html><head><title>403 Forbidden</title></head><body><h1>Request forbidden by administrative rules.</h1></body></html>\n'

export async function startFakeBluesky(seed: FakeBlueskySeed, options: FakeBlueskyOptions = {}): Promise<FakeBluesky> {
  const state = new FakeBlueskyState(seed)
  const requests: RecordedXrpcRequest[] = []
  const now = options.now ?? Date.now
  const window = { start: 0, used: 0 }

  const rateLimitHeaders = (): Record<string, string> => {
    if (seed.rateLimit === undefined) return {}
    const { limit, windowSeconds } = seed.rateLimit
    return {
      'RateLimit-Limit': String(limit),
      'RateLimit-Remaining': String(Math.max(0, limit - window.used)),
      'RateLimit-Reset': String(Math.ceil((window.start + windowSeconds * 1000) / 1000)),
      'RateLimit-Policy': `${limit};w=${windowSeconds}`,
    }
  }

  const send = (res: ServerResponse, reply: XrpcReply, extra: Record<string, string> = {}): void => {
    res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', ...rateLimitHeaders(), ...extra })
    res.end(JSON.stringify(reply.body))
  }

  const session = async (req: IncomingMessage, nsid: string, bearer: string | null): Promise<XrpcReply> => {
    if (nsid === 'com.atproto.server.createSession') {
      let input: { identifier?: unknown; password?: unknown }
      try {
        input = JSON.parse(await readBody(req)) as typeof input
      } catch {
        return xrpcError(400, 'InvalidRequest', 'Request body must be JSON')
      }
      if (typeof input.identifier !== 'string' || typeof input.password !== 'string') {
        return xrpcError(400, 'InvalidRequest', 'Input must have the property "identifier"')
      }
      const did = state.login(input.identifier, input.password)
      if (did === null) return xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password')
      // The PDS's documented limits on createSession per account: 30 per 5 minutes, 300 per day.
      const at = now()
      const recent = (state.loginTimes.get(did) ?? []).filter((time) => time > at - 86_400_000)
      if (recent.length >= 300 || recent.filter((time) => time > at - 300_000).length >= 30) {
        state.loginsRefused++
        return xrpcError(429, 'RateLimitExceeded', 'Rate Limit Exceeded')
      }
      state.loginTimes.set(did, [...recent, at])
      state.sessionsCreated++
      return { status: 200, body: { ...state.issueTokens(did), did, handle: state.actors.get(did)?.handle ?? 'handle.invalid', active: true } }
    }
    // refreshSession
    await readBody(req)
    const token = bearer === null ? undefined : state.token(bearer)
    if (token === undefined || token.kind !== 'refresh') return xrpcError(400, 'InvalidToken', 'Token could not be verified')
    if (token.expired) return xrpcError(400, 'ExpiredToken', 'Token has expired')
    token.expired = true // refresh tokens are single-use
    state.sessionsRefreshed++
    return { status: 200, body: { ...state.issueTokens(token.did), did: token.did, handle: state.actors.get(token.did)?.handle ?? 'handle.invalid' } }
  }

  const handler: Handler = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake.invalid')
    const authorization = req.headers.authorization ?? null
    const bearer = authorization?.replace(/^Bearer\s+/i, '') ?? null
    const nsid = url.pathname.replace(/^\/xrpc\//, '')
    requests.push({ method: req.method ?? 'GET', nsid, query: url.searchParams, authorization })
    if (seed.rateLimit !== undefined) {
      if (now() >= window.start + seed.rateLimit.windowSeconds * 1000) Object.assign(window, { start: now(), used: 0 })
      window.used++
      if (window.used > seed.rateLimit.limit) {
        const retryAfter = Math.max(1, Math.ceil((window.start + seed.rateLimit.windowSeconds * 1000 - now()) / 1000))
        return send(res, xrpcError(429, 'RateLimitExceeded', 'Rate Limit Exceeded'), { 'Retry-After': String(retryAfter) })
      }
    }
    if (!url.pathname.startsWith('/xrpc/')) return send(res, xrpcError(404, 'NotFound', 'Not Found'))
    if (req.method === 'POST' && (nsid === 'com.atproto.server.createSession' || nsid === 'com.atproto.server.refreshSession')) {
      return send(res, await session(req, nsid, bearer))
    }
    if (req.method !== 'GET') return send(res, xrpcError(405, 'InvalidRequest', 'Method Not Allowed'))
    if (bearer !== null) {
      const token = state.token(bearer)
      if (token === undefined || token.kind !== 'access') return send(res, xrpcError(401, 'InvalidToken', 'Token could not be verified'))
      if (token.expired) return send(res, xrpcError(400, 'ExpiredToken', 'Token has expired'))
    } else if (nsid === 'app.bsky.feed.searchPosts' && url.searchParams.has('cursor')) {
      res.writeHead(403, { 'Content-Type': 'text/html' })
      return res.end(FORBIDDEN_PAGE)
    }
    try {
      send(res, xrpcGet(state, nsid, url.searchParams))
    } catch (err) {
      if (!(err instanceof MalformedCursorError)) throw err
      send(res, xrpcError(400, 'InvalidRequest', err.message))
    }
  }

  const faults = options.faults
    ? withFaults(handler, {
        ...options.faults,
        rateLimitHeaders: () => ({
          'RateLimit-Limit': '3000',
          'RateLimit-Remaining': '0',
          'RateLimit-Reset': String(Math.ceil(now() / 1000) + 1),
          'RateLimit-Policy': '3000;w=300',
          'Retry-After': '1',
        }),
        rateLimitBody: '{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}',
      })
    : null
  const running = await startFakeServer(faults?.handler ?? handler)
  return { url: running.url, state, requests, faults, close: running.close }
}
