import t from 'tap'
import { sql } from 'kysely'
import { setTimeout as delay } from 'node:timers/promises'
import { bearer, buildTestApp, TEST_METRICS_TOKEN } from '../helpers/app.ts'

t.test('/healthz answers while the process is up', async (t) => {
  const { app } = await buildTestApp(t)
  const res = await app.inject({ url: '/healthz' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { status: 'ok' })
})

t.test('/healthz answers while a long query runs', async (t) => {
  const { app, database } = await buildTestApp(t)
  let queryDone = false
  const slow = sql`select pg_sleep(1.5)`.execute(database.db).then(() => { queryDone = true })
  await delay(200) // the query is running by now
  const res = await app.inject({ url: '/healthz' })
  t.equal(res.statusCode, 200)
  t.notOk(queryDone, 'answered before the query finished: the database does not hold up the process')
  await slow
})

t.test('/readyz is 200 with a migrated database', async (t) => {
  const { app } = await buildTestApp(t)
  const res = await app.inject({ url: '/readyz' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { status: 'ready', database: 'up', pendingMigrations: [] })
})

t.test('/metrics exposes request counts and latencies in Prometheus text', async (t) => {
  const { app } = await buildTestApp(t)
  await app.inject({ url: '/healthz' })
  await app.inject({ url: '/v1/topics' })
  const res = await app.inject({ url: '/metrics', headers: bearer(TEST_METRICS_TOKEN) })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^text\/plain/)
  t.match(res.body, /relais_http_requests_total\{method="GET",route="\/healthz",status="200"\} 1/)
  t.match(res.body, /relais_http_requests_total\{method="GET",route="\/v1\/topics",status="401"\} 1/)
  t.match(res.body, /relais_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/healthz"\}/)
  t.match(res.body, /# TYPE relais_job_runs_total counter/)
})

t.test('/metrics exposes the resident memory of the process', async (t) => {
  const { app } = await buildTestApp(t)
  const res = await app.inject({ url: '/metrics', headers: bearer(TEST_METRICS_TOKEN) })
  const line = /^relais_process_resident_memory_bytes (\d+)$/m.exec(res.body)
  t.ok(line, 'relais_process_resident_memory_bytes is exposed')
  // The same figure the kernel gives for this process (VmRSS), give or take what moved since.
  const exposed = Number(line![1])
  const rss = process.memoryUsage.rss()
  t.ok(exposed > 0.75 * rss && exposed < 1.25 * rss, `${exposed} bytes exposed, ${rss} resident`)
})

t.test('/docs renders the API documentation page and /openapi.json the document', async (t) => {
  const { app } = await buildTestApp(t)
  const docs = await app.inject({ url: '/docs/' })
  t.equal(docs.statusCode, 200)
  t.match(docs.headers['content-type'], /text\/html/)
  t.match(docs.body, /swagger-ui/i)
  const doc = await app.inject({ url: '/openapi.json' })
  t.equal(doc.json().openapi, '3.1.0')
  t.ok(doc.json().paths['/v1/topics'])
})
