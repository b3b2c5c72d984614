import t from 'tap'
import { z } from 'zod'
import type { IncomingMessage } from 'node:http'
import { createHttpClient } from '../../src/pipeline/networks/http.ts'
import type { CollectableNetwork } from '../../src/platform/shared/network-names.ts'
import { createManualClock, readBody, startFakeServer } from '../fakes/fault-injection.ts'
import { NETWORK_REGISTRY } from '../../src/pipeline/networks/registry.ts'

interface Seen {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

/** A server answering every request with one fixed response, remembering what it received. */
async function fixed(t: { teardown(fn: () => unknown): void }, status: number, contentType: string, body: string, extra: Record<string, string> = {}) {
  const seen: Seen[] = []
  const server = await startFakeServer(async (req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: await readBody(req) })
    res.writeHead(status, { 'Content-Type': contentType, ...extra })
    res.end(body)
  })
  t.teardown(server.close)
  return { url: server.url, seen }
}

function client(network: CollectableNetwork, baseUrl: string, extra: Partial<Parameters<typeof createHttpClient>[0]> = {}) {
  const clock = createManualClock()
  return createHttpClient({ network, rateLimitHeaders: NETWORK_REGISTRY[network].rateLimitHeaders, baseUrl, now: clock.now, sleep: clock.sleep, random: () => 0, ...extra })
}

const anything = z.unknown()

t.test('401 problem JSON from X: auth error, not retried, with the network message', async (t) => {
  const fake = await fixed(t, 401, 'application/problem+json', '{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}')
  await t.rejects(client('x', fake.url).getJson('/2/users/1/followers', {}, anything), {
    kind: 'auth',
    status: 401,
    message: 'X answered 401 — the credentials of this source were refused; check them',
  })
  t.equal(fake.seen.length, 1)
})

t.test('403 HTML page from a CDN: says it was HTML', async (t) => {
  const fake = await fixed(t, 403, 'text/html; charset=utf-8', '<!DOCTYPE html><html><body><h1>Request forbidden by administrative rules</h1></body></html>')
  await t.rejects(client('bluesky', fake.url).getJson('/xrpc/app.bsky.feed.searchPosts', { q: 'rust', cursor: '25' }, anything), {
    kind: 'forbidden',
    message: /^Bluesky answered 403 with an HTML page \(not JSON\) — a proxy or CDN/,
  })
  t.equal(fake.seen.length, 1)
})

t.test('400 XRPC ExpiredToken: bad_request carrying the XRPC error name', async (t) => {
  const fake = await fixed(t, 400, 'application/json', '{"error":"ExpiredToken","message":"Token has expired"}')
  await t.rejects(client('bluesky', fake.url).getJson('/xrpc/app.bsky.actor.getProfile', { actor: 'a' }, anything), {
    kind: 'bad_request',
    code: 'ExpiredToken',
    message: /^Bluesky answered 400 — the request was rejected$/,
  })
  t.equal(fake.seen.length, 1)
})

t.test('Reddit 403 with a reason, Mastodon 404', async (t) => {
  const reddit = await fixed(t, 403, 'application/json', '{"reason":"private","message":"Forbidden","error":403}')
  await t.rejects(client('reddit', reddit.url).getJson('/r/secret/new', {}, anything), { kind: 'forbidden', message: /^Reddit answered 403 — the credentials/ })
  const mastodon = await fixed(t, 404, 'application/json', '{"error":"Record not found"}')
  await t.rejects(client('mastodon', mastodon.url).getJson('/api/v1/accounts/9', {}, anything), { kind: 'not_found', message: /^Mastodon answered 404 — it does not exist/ })
})

t.test('a body that does not fit the schema: bad_response naming the path, not retried', async (t) => {
  const fake = await fixed(t, 200, 'application/json', '{"data":{"children":[{"data":{"created_utc":"yesterday"}}]}}')
  const schema = z.object({ data: z.object({ children: z.array(z.object({ data: z.object({ created_utc: z.number() }) })) }) })
  await t.rejects(client('reddit', fake.url).getJson('/search', {}, schema), {
    kind: 'bad_response',
    message: /unexpected shape for \/search \(at data\.children\[0\]\.data\.created_utc: /,
  })
  t.equal(fake.seen.length, 1)
})

t.test('another origin is refused before any request', async (t) => {
  const fake = await fixed(t, 200, 'application/json', '{}')
  const c = client('mastodon', fake.url)
  await t.rejects(c.getJson('http://169.254.169.254/latest/meta-data', {}, anything), { kind: 'config', message: /Refusing to call http:\/\/169\.254\.169\.254/ })
  await t.rejects(c.getJson('//evil.example/api', {}, anything), { kind: 'config', message: /Refusing to call http:\/\/evil\.example/ })
  const otherPort = fake.url.replace(/:\d+$/, ':1')
  await t.rejects(c.getJson(`${otherPort}/api/v1/x`, {}, anything), { kind: 'config', message: /Refusing to call/ })
  t.equal(fake.seen.length, 0)
})

t.test('a same-origin absolute URL (Link next) is followed with its own query', async (t) => {
  const fake = await fixed(t, 200, 'application/json', '[]')
  await client('mastodon', fake.url).getJson(`${fake.url}/api/v1/accounts/1/followers?limit=80&max_id=7486869`, {}, anything)
  t.equal(fake.seen[0].url, '/api/v1/accounts/1/followers?limit=80&max_id=7486869')
})

t.test('query: arrays as repeated keys, booleans, undefined left out, base path kept', async (t) => {
  const fake = await fixed(t, 200, 'application/json', '{}')
  await client('bluesky', `${fake.url}/prefix/`).getJson('/xrpc/app.bsky.actor.getProfiles', { actors: ['did:plc:a', 'b c'], includePins: true, cursor: undefined, limit: 25 }, anything)
  t.equal(fake.seen[0].url, '/prefix/xrpc/app.bsky.actor.getProfiles?actors=did%3Aplc%3Aa&actors=b%20c&includePins=true&limit=25')
})

t.test('headers: a Relais user agent, auth evaluated per request, per-call headers', async (t) => {
  const fake = await fixed(t, 200, 'application/json', '{}')
  let n = 0
  const c = client('reddit', fake.url, { headers: () => ({ authorization: `bearer token-${++n}` }) })
  await c.getJson('/a', {}, anything)
  await c.getJson('/b', {}, anything, { headers: { 'x-extra': 'yes' } })
  t.match(fake.seen[0].headers['user-agent'], /^Relais\/\d+\.\d+\.\d+ /)
  t.equal(fake.seen[0].headers.authorization, 'bearer token-1')
  t.equal(fake.seen[1].headers.authorization, 'bearer token-2')
  t.equal(fake.seen[1].headers['x-extra'], 'yes')
})

t.test('postForm and postJson send their bodies', async (t) => {
  const fake = await fixed(t, 200, 'application/json', '{"access_token":"t"}')
  const c = client('reddit', fake.url)
  await c.postForm('/api/v1/access_token', { grant_type: 'client_credentials' }, anything)
  await c.postJson('/xrpc/com.atproto.server.createSession', { identifier: 'a', password: 'b' }, anything)
  t.same(fake.seen.map((s) => [s.method, s.headers['content-type'], s.body]), [
    ['POST', 'application/x-www-form-urlencoded', 'grant_type=client_credentials'],
    ['POST', 'application/json', '{"identifier":"a","password":"b"}'],
  ])
})

t.test('a redirect to another origin is not followed', async (t) => {
  const fake = await fixed(t, 302, 'text/html', '', { Location: 'https://elsewhere.example/search' })
  await t.rejects(client('reddit', fake.url).getJson('/r/nope/search', {}, anything), { kind: 'bad_response', message: /redirected .* another origin/ })
})

t.test('X invalid-request problems name the faulty parameter', async (t) => {
  const body = {
    errors: [{ parameters: { max_results: ['1000'] }, message: 'The `max_results` query parameter value [1000] is not between 10 and 100' }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
  }
  const fake = await fixed(t, 400, 'application/problem+json', JSON.stringify(body))
  await t.rejects(client('x', fake.url).getJson('/2/tweets/search/recent', { max_results: 1000 }, anything), {
    kind: 'bad_request',
    code: 'Invalid Request',
    message: /^X answered 400 — the request was rejected$/,
    remoteDetail: /The `max_results` query parameter value \[1000\] is not between 10 and 100/,
  })
})
