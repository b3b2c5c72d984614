// Only the operator opens the private network (ALLOW_PRIVATE_ADDRESSES). Without it, no source or
// webhook reaches loopback, private or link-local addresses — written in the URL, reached through
// a name that resolves there, or through a redirect — and what a refused or failing server says
// is not shown to the tenant.
import t from 'tap'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createJobs } from '../../jobs/index.ts'
import { runJob, type RunOutcome } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import { PUBLIC_ONLY, type AddressPolicy } from '../../src/pipeline/networks/http/address-policy.ts'
import type { Resolver } from '../../src/pipeline/networks/http/resolve-target.ts'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { LOCAL_FAKES } from '../helpers/local-network.ts'

const silent: Logger = { info() {}, warn() {}, error() {} }
// Names resolved here, never by a DNS server: internal.example points inside, public.example outside.
const stubDns: Resolver = async (host) => {
  if (host === 'internal.example') return [{ address: '10.0.0.7', family: 4 }]
  if (host === 'loopback.example') return [{ address: '127.0.0.1', family: 4 }]
  if (host === 'public.example') return [{ address: '93.184.216.34', family: 4 }]
  throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' })
}
const guarded: AddressPolicy = { ...PUBLIC_ONLY, resolver: stubDns }

function ranOnce(outcome: RunOutcome) {
  if (outcome.status === 'skipped') throw new Error(outcome.reason)
  return outcome
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const hits: string[] = []
  const server = createServer((req, res) => { hits.push(req.url ?? ''); handler(req, res) })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return { port, hits, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }) }
}

t.test('a tenant registers no source on a private address, whatever the spelling', async (t) => {
  const { app, mine } = await buildTestApp(t, { addressPolicy: guarded })
  const post = (payload: object) => app.inject({ method: 'POST', url: '/v1/sources', headers: bearer(mine.admin), payload })
  const mastodon = (baseUrl: string) => ({ name: `M ${baseUrl}`, network: 'mastodon', baseUrl })
  for (const baseUrl of ['https://127.0.0.1', 'https://10.1.2.3', 'https://169.254.169.254', 'https://[::ffff:127.0.0.1]', 'https://[::1]:8443', 'https://[64:ff9b::a00:1]', 'https://[2002:7f00:1::1]', 'https://localhost', 'https://internal.example']) {
    const refused = await post(mastodon(baseUrl))
    t.equal(refused.statusCode, 422, baseUrl)
    t.match(refused.json(), { code: 'unprocessable', detail: /private, loopback or link-local.*ALLOW_PRIVATE_ADDRESSES/ }, baseUrl)
  }
  const pds = await post({ name: 'B', network: 'bluesky', baseUrl: 'https://public.example', settings: { pdsUrl: 'https://loopback.example' } })
  t.equal(pds.statusCode, 422, 'the Bluesky PDS URL is checked too')
  const token = await post({ name: 'R', network: 'reddit', settings: { tokenUrl: 'https://192.168.1.1/api/v1/access_token' }, credentials: { clientId: 'a', clientSecret: 'b' } })
  t.equal(token.statusCode, 422, 'and the Reddit token URL')
  const plain = await post(mastodon('http://public.example'))
  t.equal(plain.statusCode, 422, 'https only')
  t.match(plain.json(), { detail: /https.*ALLOW_HTTP_SOURCES/ })
  t.equal((await post(mastodon('https://user:pw@public.example'))).statusCode, 400, 'no user or password in the URL')
  t.equal((await post(mastodon('https://public.example'))).statusCode, 201, 'a public https instance is accepted')
})

t.test('a tenant registers no webhook on a private address, and cannot switch the guard off', async (t) => {
  const { app, mine } = await buildTestApp(t, { addressPolicy: guarded })
  const post = (url: string) => app.inject({ method: 'POST', url: '/v1/webhooks', headers: bearer(mine.admin), payload: { url, events: ['alert.created'] } })
  const switched = await app.inject({ method: 'PATCH', url: '/v1/workspace/settings', headers: bearer(mine.admin), payload: { allowPrivateWebhooks: true } })
  t.equal(switched.statusCode, 400)
  t.match(switched.json(), { code: 'validation_failed', detail: /operator/ })
  for (const url of ['http://127.0.0.1:8080/h', 'http://10.9.8.7/h', 'http://169.254.169.254/latest/meta-data', 'http://[::ffff:127.0.0.1]/h', 'http://[::ffff:7f00:1]/h', 'https://internal.example/h']) {
    t.equal((await post(url)).statusCode, 422, url)
  }
  t.equal((await post('https://public.example/h')).statusCode, 201)
})

t.test('collection reaches no private address without the operator setting: IP in the URL, or a name resolving there', async (t) => {
  // An instance with no status: empty timelines, and its own name where a client asks for it.
  const server = await serve((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(req.url?.startsWith('/api/v2/instance') ? JSON.stringify({ domain: req.headers.host }) : '[]')
  })
  t.teardown(server.close)
  const { database, mine } = await buildTestApp(t)
  const db = database.db
  await db.insertInto('topics').values({ workspace_id: mine.id, name: 'Vélo', query: '#velo', networks: ['mastodon'] }).execute()
  await db.insertInto('sources').values([
    { workspace_id: mine.id, name: 'by address', network: 'mastodon', base_url: `http://127.0.0.1:${server.port}` },
    { workspace_id: mine.id, name: 'by name', network: 'mastodon', base_url: `http://loopback.example:${server.port}` },
  ]).execute()
  const collect = async (addressPolicy: AddressPolicy) => ranOnce(await
    runJob({ db, log: silent }, createJobs({ addressPolicy, connectorTuning: { maxRetries: 1, sleep: async () => {} } }).get('collect-mentions')!, { workspaceId: mine.id }, { trigger: 'manual' }))

  const refused = await collect({ ...guarded, allowHttpSources: true })
  t.equal(refused.status, 'failed')
  t.match(refused.error, /by address|mastodon/)
  t.equal(refused.error?.match(/private, loopback or link-local/g)?.length, 2, 'both sources refused')
  t.same(server.hits, [], 'nothing reached the private address')

  const allowed = await collect({ ...LOCAL_FAKES, resolver: stubDns })
  t.equal(allowed.status, 'succeeded', allowed.error ?? '')
  t.ok(server.hits.length >= 2, 'the same sources are collected once the operator allows private addresses')
})

t.test('a source server redirecting elsewhere is not followed, and what it says is not shown to the tenant', async (t) => {
  const target = await serve((_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('[]') })
  t.teardown(target.close)
  const mover = await serve((_req, res) => { res.writeHead(302, { location: `http://169.254.169.254:${target.port}/latest/meta-data` }); res.end() })
  t.teardown(mover.close)
  const talker = await serve((_req, res) => {
    res.writeHead(403, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: 'internal-admin-banner', error_description: 'db01.corp password=hunter2 SECRET-BANNER' }))
  })
  t.teardown(talker.close)
  const { app, database, mine } = await buildTestApp(t)
  const db = database.db
  await db.insertInto('topics').values({ workspace_id: mine.id, name: 'Vélo', query: '#velo', networks: ['mastodon'] }).execute()
  await db.insertInto('sources').values([
    { workspace_id: mine.id, name: 'mover', network: 'mastodon', base_url: `http://127.0.0.1:${mover.port}` },
    { workspace_id: mine.id, name: 'talker', network: 'mastodon', base_url: `http://127.0.0.1:${talker.port}` },
  ]).execute()
  const jobs = createJobs({ addressPolicy: LOCAL_FAKES, connectorTuning: { maxRetries: 1, sleep: async () => {} } })
  const run = ranOnce(await runJob({ db, log: silent }, jobs.get('collect-mentions')!, { workspaceId: mine.id }, { trigger: 'manual' }))
  t.equal(run.status, 'failed')
  t.ok(mover.hits.length > 0)
  t.same(target.hits, [], 'the redirect was not followed')
  t.match(run.error, /redirected .* to another origin \(http:\/\/169\.254\.169\.254/)
  t.match(run.error, /Mastodon answered 403/)
  const listed = await app.inject({ method: 'GET', url: `/v1/job-runs/${run.runId}`, headers: bearer(mine.read) })
  t.equal(listed.statusCode, 200)
  t.match(listed.json(), { error: /Mastodon answered 403/ })
  for (const text of [run.error ?? '', listed.body]) {
    t.notMatch(text, /hunter2|SECRET-BANNER|internal-admin-banner|db01/, 'the body the server sent is not repeated')
  }
})
