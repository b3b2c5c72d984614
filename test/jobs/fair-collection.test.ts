// One workspace's sources cannot stall the others' collection: each workspace has a time and
// request budget per run, and a fire works on several workspaces at once.
import t from 'tap'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { runFire } from '../../jobs/scheduler.ts'
import type { Job, Logger } from '../../src/tenancy/job-runs/job.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { fileDatabase } from '../helpers/app.ts'
import { localJobs } from '../helpers/local-network.ts'

const silent: Logger = { info() {}, warn() {}, error() {} }
// One database for the file: each fire leaves out the workspaces of the tests before it.
const earlier: string[] = []
const fire = async (database: Database, job: Job, concurrency: number, workspaces: string[]) => {
  await runFire({ db: database.db, log: silent }, job, earlier.length ? { excludeWorkspaces: [...earlier] } : {}, new Date(), new AbortController().signal, concurrency)
  earlier.push(...workspaces)
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  let hits = 0
  let answered = 0
  const server = createServer((req, res) => { hits++; res.on('finish', () => answered++); handler(req, res) })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, hits: () => hits, answered: () => answered, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }) }
}

/** A workspace with one Mastodon source at `baseUrl` and one topic. */
async function workspaceCollecting(database: Database, name: string, baseUrl: string) {
  const { id } = await createWorkspace(database.db, name)
  await database.db.insertInto('topics').values({ workspace_id: id, name: `${name} topic`, query: '#velo', networks: ['mastodon'] }).execute()
  await database.db.insertInto('sources').values({ workspace_id: id, name: 'mastodon', network: 'mastodon', base_url: baseUrl }).execute()
  return id
}

const runOf = (database: Database, workspaceId: string) =>
  database.db.selectFrom('job_runs').select(['status', 'stats', 'error', 'started_at', 'finished_at']).where('workspace_id', '=', workspaceId).where('job', '=', 'collect-mentions').executeTakeFirstOrThrow()

// An instance with no status: empty timelines, and its own name where a client asks for it.
const quick = () => serve((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(req.url?.startsWith('/api/v2/instance') ? JSON.stringify({ domain: req.headers.host }) : '[]')
})

t.test('a source holding every request for minutes costs its own workspace its budget, and no more', async (t) => {
  const database = await fileDatabase()
  const hold = await serve(() => {}) // never answers
  t.teardown(hold.close)
  const fine = await quick()
  t.teardown(fine.close)
  const slow = await workspaceCollecting(database, 'Slow', hold.url)
  const other = await workspaceCollecting(database, 'Other', fine.url)
  // An attempt may last 10 minutes: only the 1.5 s budget ends the held request.
  const job = localJobs({ collectBudget: { ms: 1500, requests: 100 }, connectorTuning: { timeoutMs: 600_000, maxRetries: 5 } }).get('collect-mentions')!

  // One workspace at a time, the slow one first: the other starts once the slow one's budget is spent.
  await fire(database, job, 1, [slow, other])
  const [slowRun, otherRun] = [await runOf(database, slow), await runOf(database, other)]
  t.equal(hold.answered(), 0, 'the held request never got an answer')
  t.match(slowRun, { status: 'succeeded', stats: { notes: /time budget of this run is spent; stopped for this run, the next one continues from the checkpoint/ } })
  t.match(otherRun, { status: 'succeeded', error: null })
  t.ok(fine.hits() > 0, 'the other workspace was collected in the same fire')
  t.ok(otherRun.started_at >= (slowRun.finished_at as Date), 'it started after the slow workspace stopped at its budget (one at a time)')
})

t.test('workspaces are collected concurrently: the other one finishes while the slow one is still held', async (t) => {
  const database = await fileDatabase()
  const hold = await serve(() => {})
  t.teardown(hold.close)
  const fine = await quick()
  t.teardown(fine.close)
  const slow = await workspaceCollecting(database, 'Slow', hold.url)
  const other = await workspaceCollecting(database, 'Other', fine.url)
  const job = localJobs({ collectBudget: { ms: 3000, requests: 100 }, connectorTuning: { timeoutMs: 600_000 } }).get('collect-mentions')!
  await fire(database, job, 2, [slow, other])
  const [slowRun, otherRun] = [await runOf(database, slow), await runOf(database, other)]
  t.ok((otherRun.finished_at as Date) < (slowRun.finished_at as Date), 'the other workspace did not wait for the slow one')
  t.equal(otherRun.status, 'succeeded')
})

t.test('a rate-limit wait longer than the budget ends that search for this run at once', async (t) => {
  const database = await fileDatabase()
  const limited = await serve((_req, res) => { res.writeHead(429, { 'retry-after': '3600', 'content-type': 'application/json' }); res.end('{"error":"Too many requests"}') })
  t.teardown(limited.close)
  const workspace = await workspaceCollecting(database, 'Limited', limited.url)
  // Waits of up to an hour are allowed per request; the workspace's budget (1 minute) is what ends it.
  const job = localJobs({ collectBudget: { ms: 60_000, requests: 100 }, connectorTuning: { maxWaitMs: 3_600_000 } }).get('collect-mentions')!
  await fire(database, job, 1, [workspace])
  t.match(await runOf(database, workspace), { status: 'succeeded', stats: { notes: /rate limit asks to wait 3601 s, longer than what is left of this run's time budget/ } })
  t.equal(limited.hits(), 1, 'one request, then no waiting')
})

t.test('the request budget bounds what one workspace asks of its networks per run', async (t) => {
  const database = await fileDatabase()
  const failing = await serve((_req, res) => { res.writeHead(503); res.end() })
  t.teardown(failing.close)
  const workspace = await workspaceCollecting(database, 'Failing', failing.url)
  const job = localJobs({ collectBudget: { ms: 60_000, requests: 3 }, connectorTuning: { maxRetries: 10, sleep: async () => {} } }).get('collect-mentions')!
  await fire(database, job, 1, [workspace])
  t.match(await runOf(database, workspace), { stats: { notes: /request budget of this run is spent/ } })
  t.equal(failing.hits(), 3)
})
