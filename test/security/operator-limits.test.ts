// Limits the operator sets for everyone: failed authentications throttled per address, /metrics
// behind METRICS_TOKEN and a statement timeout on PostgreSQL.
import t from 'tap'
import { sql } from 'kysely'
import { buildApp } from '../../src/api/app.ts'
import { openDatabase } from '../../src/platform/db/database.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { bearer, buildTestApp, fileDatabase, TEST_METRICS_TOKEN } from '../helpers/app.ts'

t.test('failed authentications from one address are throttled; other addresses and good keys are not', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const attempt = (key: string, ip = '203.0.113.7') => app.inject({ url: '/v1/topics', headers: bearer(key), remoteAddress: ip })
  for (let i = 0; i < 20; i++) t.equal((await attempt(`rk_guess${i}`)).statusCode, 401)
  const throttled = await attempt('rk_guess20')
  t.equal(throttled.statusCode, 429, 'the 21st failure in a minute is refused before the key is looked at')
  t.match(throttled.json(), { code: 'rate_limited', detail: /Too many failed authentications from this address/ })
  t.ok(Number(throttled.headers['retry-after']) > 0 && Number(throttled.headers['retry-after']) <= 60)
  t.equal((await attempt(mine.read)).statusCode, 429, 'even a good key waits out the window from that address')
  t.equal((await attempt(mine.read, '198.51.100.9')).statusCode, 200, 'another address is not affected')
})

t.test('/metrics asks for the operator\'s token; without one it answers loopback clients only', async (t) => {
  const { app } = await buildTestApp(t)
  t.equal((await app.inject({ url: '/metrics' })).statusCode, 401)
  t.equal((await app.inject({ url: '/metrics', headers: bearer('not-the-token-at-all') })).statusCode, 401)
  const ok = await app.inject({ url: '/metrics', headers: bearer(TEST_METRICS_TOKEN) })
  t.equal(ok.statusCode, 200)
  t.match(ok.body, /# TYPE relais_job_runs_total counter/)
  const off = await buildApp({ db: (await fileDatabase()).db, metrics: createMetrics(), bodyLimit: 1 << 20, rateLimitPerMinute: 1000 })
  t.teardown(() => off.close())
  const remote = await off.inject({ url: '/metrics', remoteAddress: '203.0.113.9' })
  t.equal(remote.statusCode, 404, 'a client elsewhere gets nothing')
  t.match(remote.json(), { detail: /METRICS_TOKEN/ })
  const local = await off.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })
  t.equal(local.statusCode, 200, 'a scraper on this host reads them')
  t.match(local.body, /# TYPE relais_job_runs_total counter/)
})

t.test('a statement running past STATEMENT_TIMEOUT_MS is cancelled by PostgreSQL', { skip: !process.env.DATABASE_URL && 'PostgreSQL only' }, async (t) => {
  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: ':memory:', command: 'test', poolSize: 1, statementTimeoutMs: 1000 })
  t.teardown(() => database.close())
  await t.rejects(sql`select pg_sleep(5)`.execute(database.db), { code: '57014' })
  t.same((await sql<{ one: number }>`select 1 as one`.execute(database.db)).rows, [{ one: 1 }], 'the connection serves the next query')
})
