// PostgreSQL going away and coming back, without touching the shared server: the service talks
// to it through a TCP proxy that cuts every connection and refuses new ones, then lets them
// through again. During API traffic: every /v1 request that needs the database answers 503
// problem+json while it is down, the probes tell the truth, and the API recovers by itself. During a job: the
// run is recorded as failed, and the next run completes the collection.
import t from 'tap'
import type { AddressInfo } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { localJobs as createJobs } from '../helpers/local-network.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import { runJob } from '../../jobs/run-job.ts'
import { enqueueRun } from '../../src/tenancy/job-runs/run-queue.ts'
import { buildApp } from '../../src/api/app.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { createApiKey, createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { fillPath, listOperations } from '../fixtures/openapi-document.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { databaseBehindProxy } from '../helpers/tcp-proxy.ts'
import { collectedSnapshot } from './fixtures/collected-snapshot.ts'
import { startCollectionWorld } from './fixtures/collection-world.ts'

const silent: Logger = { info() {}, warn() {}, error() {} }
const needsServer = { skip: process.env.DATABASE_URL ? false : 'needs DATABASE_URL (a PostgreSQL server); the embedded database lives in the process' }

interface Answer { route: string; status: number; contentType: string; body: string; retryAfter: string | null; phase: 'up' | 'down' | 'recovering'; whole: boolean }

t.test('API traffic across a database outage: 503 problem+json while down, recovery without a restart', needsServer, async (t) => {
  const { direct, database, proxy } = await databaseBehindProxy(t)
  const { id: workspaceId } = await createWorkspace(direct.db, 'Outage')
  const { key } = await createApiKey(direct.db, workspaceId, ['read'])
  const topic = await direct.db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Vélo', query: '#velo' }).returning('id').executeTakeFirstOrThrow()
  const runId = await enqueueRun(direct.db, 'score', workspaceId, {})
  const app = await buildApp({ db: database.db, metrics: createMetrics(), bodyLimit: 1 << 20, rateLimitPerMinute: 1_000_000, jobs: [...createJobs().values()] })
  t.teardown(() => app.close())
  await app.listen({ host: '127.0.0.1', port: 0 })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

  // Every read route of the document, with path parameters naming this workspace's resources.
  const ids: Record<string, string> = { topics: topic.id, 'job-runs': String(runId), jobs: 'score' }
  // A live stream never ends while the data is there: it is not a read this traffic can wait for.
  const routes = listOperations().filter((op) => op.method === 'GET' && !(op.responses['200'] ?? []).includes('text/event-stream')).map((op) => ({
    url: fillPath(op.path, (_param, resource) => ids[resource] ?? topic.id),
    authenticated: op.authenticated,
  }))
  t.ok(routes.length >= 5, `${routes.length} read routes`)
  const get = (route: (typeof routes)[number]) => fetch(base + route.url, { headers: route.authenticated ? { authorization: `Bearer ${key}` } : {} })

  const baseline = new Map<string, number>()
  for (const route of routes) baseline.set(route.url, (await get(route)).status)
  t.ok([...baseline.values()].every((s) => s < 500), `every route answers before the outage: ${JSON.stringify(Object.fromEntries(baseline))}`)

  let phase: Answer['phase'] = 'up'
  let stop = false
  const answers: Answer[] = []
  const traffic = Array.from({ length: 8 }, async (_, worker) => {
    for (let i = worker; !stop; i++) {
      const route = routes[i % routes.length]
      const startedIn = phase
      const res = await get(route)
      const body = await res.text()
      answers.push({ route: route.url, status: res.status, contentType: res.headers.get('content-type') ?? '', body, retryAfter: res.headers.get('retry-after'), phase: startedIn, whole: startedIn === phase })
    }
  })
  await delay(300)
  phase = 'down'
  proxy.cut()
  await delay(1500)
  phase = 'recovering'
  proxy.restore()
  await delay(1500)
  stop = true
  await Promise.all(traffic)

  const down = answers.filter((a) => a.phase === 'down' && a.whole)
  const downApi = down.filter((a) => a.route.startsWith('/v1/'))
  t.ok(downApi.length >= 20, `${downApi.length} /v1 requests answered while the database was down`)
  // A request refused before any read (a malformed parameter, with its key verified moments ago)
  // gets its usual refusal; every other one a 503.
  // The workspace settings are the operator's (ALLOW_PRIVATE_ADDRESSES), read from the process's
  // configuration: they answer as usual without the database, once the key is verified.
  const readsNoData = new Set(['/v1/workspace/settings'])
  const usualRefusal = (a: Answer) => a.status >= 400 && a.status < 500 && a.status === baseline.get(a.route) && a.contentType === 'application/problem+json'
  const unavailable = (a: Answer) => a.status === 503 && a.contentType === 'application/problem+json' && /"code":"unavailable"/.test(a.body) && a.retryAfter !== null
  const wrong = downApi.filter((a) => !unavailable(a) && !usualRefusal(a) && !(readsNoData.has(a.route) && a.status === baseline.get(a.route)))
  t.same(wrong.map((a) => `${a.route} ${a.status} ${a.contentType}`), [], 'every /v1 request while down: 503 problem+json "unavailable" with Retry-After, or its usual refusal')
  const servedRoutes = new Set(downApi.filter((a) => (baseline.get(a.route) ?? 500) < 400 && !readsNoData.has(a.route)).map((a) => a.route))
  t.same(downApi.filter((a) => servedRoutes.has(a.route) && !unavailable(a)).map((a) => `${a.route} ${a.status}`), [], `the ${servedRoutes.size} routes that answer with data: 503 while down`)
  t.same(down.filter((a) => a.route === '/healthz' && a.status !== 200).length, 0, '/healthz keeps answering 200')
  t.same(down.filter((a) => a.route === '/readyz' && a.status !== 503).length, 0, '/readyz says 503 while down')
  t.same(answers.filter((a) => a.body.match(/ECONN|Connection terminated|127\.0\.0\.1|stack|at \w+ \(/)).map((a) => a.route), [], 'no answer shows internals')
  t.same(answers.filter((a) => a.status !== baseline.get(a.route) && a.status !== 503).map((a) => `${a.route} ${a.status}`), [], 'no status other than the usual one or 503')

  // Recovered by itself: the same answers as before the outage, with no restart.
  for (let attempt = 0; attempt < 50 && (await fetch(`${base}/readyz`)).status !== 200; attempt++) await delay(100)
  const after = new Map<string, number>()
  for (const route of routes) after.set(route.url, (await get(route)).status)
  t.same(Object.fromEntries(after), Object.fromEntries(baseline), 'every route answers as before the outage')
  const served = answers.filter((a) => a.phase === 'recovering' && a.status === baseline.get(a.route)).length
  t.comment(`${answers.length} requests: ${answers.filter((a) => a.status === 503).length} answered 503, ${downApi.length} /v1 requests wholly during the outage, ${served} served normally after it`)
})

t.test('a collection job during a database outage is recorded as failed, and the next run completes it', needsServer, async (t) => {
  const world = await startCollectionWorld()
  t.teardown(() => world.close())
  const jobs = createJobs()
  const setUp = async (database: Database) => {
    const { id } = await createWorkspace(database.db, 'Outage')
    await world.addSources(database.db, id)
    await world.addTopics(database.db, id)
    return id
  }

  const reference = await openTestDatabase(t)
  const referenceWorkspace = await setUp(reference)
  const before = world.requests()
  t.equal((await runJob({ db: reference.db, log: silent }, jobs.get('collect-mentions')!, { workspaceId: referenceWorkspace }, { trigger: 'manual' })).status, 'succeeded', 'the reference run, without outage, succeeds')
  const fullRequests = world.requests() - before
  const expected = await collectedSnapshot(reference.db)

  const { direct, database, proxy } = await databaseBehindProxy(t)
  const workspaceId = await setUp(direct)
  // Down from the middle of the collection, for 1.5 s: a restart.
  const cutAt = world.requests() + Math.floor(fullRequests / 3)
  let restored: Promise<void> | null = null
  world.watch((total) => {
    if (total !== cutAt) return
    proxy.cut()
    restored = delay(1500).then(() => proxy.restore())
  })
  const outcome = await runJob({ db: database.db, log: silent }, jobs.get('collect-mentions')!, { workspaceId }, { trigger: 'manual' })
    .catch((error: Error) => ({ status: 'threw', error: error.message }))
  world.watch(null)
  t.ok(restored, `the database went down after request ${Math.floor(fullRequests / 3)} of ${fullRequests}`)
  await restored
  t.match(outcome, { status: 'failed', error: /Connection terminated|database|connect/i }, 'the run ends as failed, saying why')
  const runs = await direct.db.selectFrom('job_runs').select(['status', 'error']).where('workspace_id', '=', workspaceId).execute()
  t.match(runs, [{ status: 'failed', error: /Connection terminated|database|connect/i }], 'and is recorded as failed once the database is back')

  const next = await runJob({ db: database.db, log: silent }, jobs.get('collect-mentions')!, { workspaceId }, { trigger: 'manual' })
  t.equal(next.status, 'succeeded', `the next run completes: ${JSON.stringify(next)}`)
  const got = await collectedSnapshot(direct.db)
  t.same(got.posts, expected.posts, 'the posts of an uninterrupted run')
  t.same(got.accounts, expected.accounts, 'the accounts of an uninterrupted run')
  t.same(got.interactions, expected.interactions, 'the interactions of an uninterrupted run')
  t.same(got.topicPosts, expected.topicPosts, 'the topic matches of an uninterrupted run')
})
