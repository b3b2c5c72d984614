import t from 'tap'
import { z } from 'zod'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createHttpClient } from '../../src/pipeline/networks/http.ts'
import { ConnectorError } from '../../src/pipeline/networks/errors.ts'
import { createManualClock, startFakeServer } from '../fakes/fault-injection.ts'
import { NETWORK_REGISTRY } from '../../src/pipeline/networks/registry.ts'

const okSchema = z.object({ ok: z.literal(true) })

/** Answers the scripted failures in order, then `{"ok":true}`; counts requests. */
async function scripted(t: { teardown(fn: () => unknown): void }, failures: Array<(req: IncomingMessage, res: ServerResponse) => void>) {
  let calls = 0
  const server = await startFakeServer((req, res) => {
    const step = failures[calls++]
    if (step) return step(req, res)
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end('{"ok":true}')
  })
  t.teardown(server.close)
  return { url: server.url, calls: () => calls }
}

const clientFor = (url: string, extra: Partial<Parameters<typeof createHttpClient>[0]> = {}) => {
  const clock = createManualClock()
  return createHttpClient({ network: 'bluesky', rateLimitHeaders: NETWORK_REGISTRY.bluesky.rateLimitHeaders, baseUrl: url, now: clock.now, sleep: clock.sleep, random: () => 0, timeoutMs: 5000, ...extra })
}

t.test('500 then success', async (t) => {
  const fake = await scripted(t, [(_q, res) => { res.writeHead(500, { 'Content-Type': 'application/json' }); res.end('{"error":"InternalServerError","message":"Internal Server Error"}') }])
  const res = await clientFor(fake.url).getJson('/xrpc/a.b', {}, okSchema)
  t.same(res.body, { ok: true })
  t.equal(fake.calls(), 2)
})

t.test('a hanging request times out and is retried', async (t) => {
  const fake = await scripted(t, [(req) => { req.resume() }])
  const res = await clientFor(fake.url, { timeoutMs: 1000 }).getJson('/xrpc/a.b', {}, okSchema)
  t.same(res.body, { ok: true })
  t.equal(fake.calls(), 2)
})

t.test('headers then a stalled body also times out', async (t) => {
  const fake = await scripted(t, [(_q, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.write('{"ok":') }])
  const res = await clientFor(fake.url, { timeoutMs: 1000 }).getJson('/xrpc/a.b', {}, okSchema)
  t.same(res.body, { ok: true })
})

t.test('truncated JSON (clean end) then success', async (t) => {
  const fake = await scripted(t, [(_q, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('{"ok":tr') }])
  const res = await clientFor(fake.url).getJson('/xrpc/a.b', {}, okSchema)
  t.same(res.body, { ok: true })
  t.equal(fake.calls(), 2)
})

t.test('body shorter than Content-Length then success', async (t) => {
  const fake = await scripted(t, [(_q, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' })
    res.write('{"ok":')
    setTimeout(() => res.socket?.destroy(), 5)
  }])
  const res = await clientFor(fake.url).getJson('/xrpc/a.b', {}, okSchema)
  t.same(res.body, { ok: true })
})

t.test('connection reset then success', async (t) => {
  const fake = await scripted(t, [(req) => { req.socket.destroy() }])
  const res = await clientFor(fake.url).getJson('/xrpc/a.b', {}, okSchema)
  t.same(res.body, { ok: true })
  t.equal(fake.calls(), 2)
})

t.test('502 HTML pages until retries run out: unavailable, saying it was HTML', async (t) => {
  const page = (_q: IncomingMessage, res: ServerResponse) => { res.writeHead(502, { 'Content-Type': 'text/html' }); res.end('<html><body>Bad Gateway</body></html>') }
  const fake = await scripted(t, Array.from({ length: 10 }, () => page))
  const err = await clientFor(fake.url, { maxRetries: 2 }).getJson('/xrpc/a.b', {}, okSchema).catch((e: unknown) => e)
  t.ok(err instanceof ConnectorError)
  t.equal((err as ConnectorError).kind, 'unavailable')
  t.match((err as ConnectorError).message, 'Bluesky answered 502 with an HTML page (not JSON) — still failing after 3 attempts')
  t.equal(fake.calls(), 3, 'one try and two retries')
})

t.test('timeouts until retries run out: unavailable', async (t) => {
  const fake = await scripted(t, Array.from({ length: 10 }, () => (req: IncomingMessage) => { req.resume() }))
  await t.rejects(clientFor(fake.url, { maxRetries: 1, timeoutMs: 100 }).getJson('/xrpc/a.b', {}, okSchema), {
    kind: 'unavailable',
    message: /did not answer within 100 ms, 2 attempts/,
  })
})

t.test('the caller can abort a request in flight', async (t) => {
  const fake = await scripted(t, [(req) => { req.resume() }])
  const controller = new AbortController()
  const pending = clientFor(fake.url, { timeoutMs: 10_000 }).getJson('/xrpc/a.b', {}, okSchema, { signal: controller.signal })
  setTimeout(() => controller.abort(new Error('stopped by the job')), 50)
  await t.rejects(pending, { message: 'stopped by the job' })
  t.equal(fake.calls(), 1, 'no retry after an abort')
})
