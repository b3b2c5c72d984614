import t from 'tap'
import { z } from 'zod'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createHttpClient } from '../../src/pipeline/networks/http.ts'
import type { CollectableNetwork } from '../../src/platform/shared/network-names.ts'
import { ConnectorError } from '../../src/pipeline/networks/errors.ts'
import { createManualClock, startFakeServer, type ManualClock } from '../fakes/fault-injection.ts'
import { NETWORK_REGISTRY } from '../../src/pipeline/networks/registry.ts'

const okSchema = z.object({ ok: z.literal(true) })
const WINDOW_MS = 60_000

/** Rate-limit headers exactly as each network writes them (names, casing, encodings). */
function windowHeaders(network: CollectableNetwork, limit: number, used: number, windowEndMs: number, nowMs: number): Record<string, string> {
  const remaining = Math.max(0, limit - used)
  switch (network) {
    case 'mastodon':
      return {
        'X-RateLimit-Limit': String(limit),
        'X-RateLimit-Remaining': String(remaining),
        'X-RateLimit-Reset': new Date(windowEndMs).toISOString().replace('Z', '000Z'),
      }
    case 'bluesky':
      return {
        'RateLimit-Limit': String(limit),
        'RateLimit-Remaining': String(remaining),
        'RateLimit-Reset': String(Math.ceil(windowEndMs / 1000)),
        'RateLimit-Policy': `${limit};w=${WINDOW_MS / 1000}`,
      }
    case 'x':
      return {
        'x-rate-limit-limit': String(limit),
        'x-rate-limit-remaining': String(remaining),
        'x-rate-limit-reset': String(Math.ceil(windowEndMs / 1000)),
      }
    case 'reddit':
      return {
        'X-Ratelimit-Used': String(used),
        'X-Ratelimit-Remaining': `${remaining}.0`,
        'X-Ratelimit-Reset': String(Math.ceil((windowEndMs - nowMs) / 1000)),
      }
  }
}

/** A server with fixed windows that counts requests per window and refuses any beyond the limit. */
function windowedServer(network: CollectableNetwork, clock: ManualClock, limit: number) {
  const perWindow = new Map<number, number>()
  let refused = 0
  const handler = (_req: IncomingMessage, res: ServerResponse) => {
    const now = clock.now()
    const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS
    const used = (perWindow.get(windowStart) ?? 0) + 1
    perWindow.set(windowStart, used)
    const headers = windowHeaders(network, limit, used, windowStart + WINDOW_MS, now)
    if (used > limit) {
      refused++
      res.writeHead(429, { 'Content-Type': 'application/json', ...headers })
      res.end('{"error":"Too many requests"}')
      return
    }
    res.writeHead(200, { 'Content-Type': 'application/json', ...headers })
    res.end('{"ok":true}')
  }
  return { handler, perWindow, refused: () => refused }
}

for (const network of ['mastodon', 'bluesky', 'x', 'reddit'] as const) {
  t.test(`${network}: waits for the window instead of exceeding it`, async (t) => {
    const clock = createManualClock()
    const fake = windowedServer(network, clock, 3)
    const server = await startFakeServer(fake.handler)
    t.teardown(server.close)
    const client = createHttpClient({ network, rateLimitHeaders: NETWORK_REGISTRY[network].rateLimitHeaders, baseUrl: server.url, now: clock.now, sleep: clock.sleep })
    for (let i = 0; i < 10; i++) {
      const res = await client.getJson('/ping', { i }, okSchema)
      t.equal(res.status, 200)
    }
    t.equal(fake.refused(), 0, 'the server never had to refuse a request')
    t.same([...fake.perWindow.values()], [3, 3, 3, 1], 'never more than the limit per window')
    // start is on a minute boundary: first wait to the window end + 1 s margin, then a full window
    t.same(clock.sleeps, [61_000, 60_000, 60_000])
  })
}

t.test('429 with Retry-After: waits what the server asked, then succeeds', async (t) => {
  const clock = createManualClock()
  let calls = 0
  const server = await startFakeServer((_req, res) => {
    calls++
    if (calls === 1) {
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '7', 'RateLimit-Remaining': '0' })
      res.end('{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}')
      return
    }
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end('{"ok":true}')
  })
  t.teardown(server.close)
  const client = createHttpClient({ network: 'bluesky', rateLimitHeaders: NETWORK_REGISTRY.bluesky.rateLimitHeaders, baseUrl: server.url, now: clock.now, sleep: clock.sleep })
  const res = await client.getJson('/xrpc/app.bsky.feed.searchPosts', { q: 'x' }, okSchema)
  t.same(res.body, { ok: true })
  t.same(clock.sleeps, [8_000])
})

t.test('Mastodon 429 without Retry-After: waits for X-RateLimit-Reset', async (t) => {
  const clock = createManualClock()
  let calls = 0
  const server = await startFakeServer((_req, res) => {
    calls++
    if (calls === 1) {
      res.writeHead(429, {
        'Content-Type': 'application/json',
        'X-RateLimit-Limit': '300',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': new Date(clock.now() + 42_000).toISOString().replace('Z', '000Z'),
      })
      res.end('{"error":"Too many requests"}')
      return
    }
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end('{"ok":true}')
  })
  t.teardown(server.close)
  const client = createHttpClient({ network: 'mastodon', rateLimitHeaders: NETWORK_REGISTRY.mastodon.rateLimitHeaders, baseUrl: server.url, now: clock.now, sleep: clock.sleep })
  await client.getJson('/api/v1/timelines/tag/rust', {}, okSchema)
  t.same(clock.sleeps, [43_000])
})

t.test('429 with no hint: backs off with jitter', async (t) => {
  const clock = createManualClock()
  let calls = 0
  const server = await startFakeServer((_req, res) => {
    calls++
    res.writeHead(calls <= 2 ? 429 : 200, { 'Content-Type': 'application/json' })
    res.end(calls <= 2 ? '{"message":"Too Many Requests","error":429}' : '{"ok":true}')
  })
  t.teardown(server.close)
  const client = createHttpClient({ network: 'reddit', rateLimitHeaders: NETWORK_REGISTRY.reddit.rateLimitHeaders, baseUrl: server.url, now: clock.now, sleep: clock.sleep, random: () => 0.5 })
  await client.getJson('/search', {}, okSchema)
  t.same(clock.sleeps, [250, 500], 'half of 500 ms, then half of 1 s')
})

t.test('a window further away than maxWaitMs fails with rate_limited', async (t) => {
  const clock = createManualClock()
  const server = await startFakeServer((_req, res) => {
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'x-rate-limit-limit': '450',
      'x-rate-limit-remaining': '0',
      'x-rate-limit-reset': String(Math.floor(clock.now() / 1000) + 20 * 60),
    })
    res.end('{"ok":true}')
  })
  t.teardown(server.close)
  const client = createHttpClient({ network: 'x', rateLimitHeaders: NETWORK_REGISTRY.x.rateLimitHeaders, baseUrl: server.url, now: clock.now, sleep: clock.sleep })
  await client.getJson('/2/tweets/search/recent', {}, okSchema)
  const err = await client.getJson('/2/tweets/search/recent', {}, okSchema).catch((e: unknown) => e)
  t.ok(err instanceof ConnectorError)
  const ce = err as ConnectorError
  t.equal(ce.kind, 'rate_limited')
  t.match(ce.message, /X rate limit is spent until .* longer than the 15 min/)
  t.same(ce.retryAt, new Date(clock.now() + 20 * 60_000 + 1000))
  t.same(clock.sleeps, [], 'did not sleep 20 minutes')
})

t.test('X usage cap 429 is not waited for', async (t) => {
  const clock = createManualClock()
  const server = await startFakeServer((_req, res) => {
    res.writeHead(429, { 'Content-Type': 'application/problem+json' })
    res.end(JSON.stringify({ title: 'UsageCapExceeded', detail: 'Usage cap exceeded: Monthly product cap', type: 'https://api.twitter.com/2/problems/usage-capped', period: 'Monthly', scope: 'Product' }))
  })
  t.teardown(server.close)
  const client = createHttpClient({ network: 'x', rateLimitHeaders: NETWORK_REGISTRY.x.rateLimitHeaders, baseUrl: server.url, now: clock.now, sleep: clock.sleep })
  await t.rejects(client.getJson('/2/tweets/search/recent', {}, okSchema), {
    kind: 'rate_limited',
    code: 'UsageCapExceeded',
    message: /X usage cap exceeded \(monthly cap\)/,
  })
  t.same(clock.sleeps, [])
})
