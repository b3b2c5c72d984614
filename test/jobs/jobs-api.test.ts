import t from 'tap'
import { createJobs } from '../../jobs/index.ts'
import { createScheduler } from '../../jobs/scheduler.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import { buildApp } from '../../src/api/app.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { bearer, fileDatabase, workspaceWithKeys } from '../helpers/app.ts'
import { plantNetwork } from '../helpers/planted-network.ts'

const silent: Logger = { info() {}, warn() {}, error() {} }

t.test('an admin asks for a run; a scheduler takes it; the workspace sees its runs only', async (t) => {
  const database = await fileDatabase()
  const jobs = createJobs()
  const scheduler = createScheduler({ db: database.db, log: silent, jobs: [...jobs.values()], queuePollMs: 100 })
  const app = await buildApp({ db: database.db, metrics: createMetrics(), bodyLimit: 1 << 20, rateLimitPerMinute: 10_000, jobs: [...jobs.values()], nextRun: (name, ws) => scheduler.nextRun(name, ws) })
  t.teardown(async () => { await scheduler.stop(); await app.close() })
  const mine = await workspaceWithKeys(database, 'Mine')
  const theirs = await workspaceWithKeys(database, 'Theirs')
  const { topicId } = await plantNetwork(database.db, mine.id)

  t.equal((await app.inject({ method: 'POST', url: '/v1/jobs/score/runs', headers: bearer(mine.write), payload: {} })).statusCode, 403, 'running a job needs admin')
  t.equal((await app.inject({ method: 'POST', url: '/v1/jobs/nope/runs', headers: bearer(mine.admin), payload: {} })).statusCode, 404)
  t.equal((await app.inject({ method: 'POST', url: '/v1/jobs/score/runs', headers: bearer(theirs.admin), payload: { topicId } })).statusCode, 404, 'not for another workspace\'s topic')

  const noBody = await app.inject({ method: 'POST', url: '/v1/jobs/collect-graph/runs', headers: bearer(mine.admin) })
  t.equal(noBody.statusCode, 202, 'no body: a run for the whole workspace')
  t.equal(noBody.json().scope, `workspace:${mine.id}`)
  const queued = await app.inject({ method: 'POST', url: '/v1/jobs/score/runs', headers: bearer(mine.admin), payload: { topicId } })
  t.equal(queued.statusCode, 202)
  t.match(queued.json(), { job: 'score', status: 'queued', trigger: 'api', scope: `topic:${topicId}` })
  scheduler.start()
  let run = queued.json()
  for (let i = 0; i < 300 && ['queued', 'running'].includes(run.status); i++) {
    await new Promise((r) => setTimeout(r, 100))
    run = (await app.inject({ url: `/v1/job-runs/${run.id}`, headers: bearer(mine.read) })).json()
  }
  t.match(run, { status: 'succeeded', stats: { topics: 1 } })
  t.ok(run.finishedAt)
  t.equal((await app.inject({ url: `/v1/topics/${topicId}/influencers?limit=1`, headers: bearer(mine.read) })).json().items.length, 1, 'the ranking exists now')

  const listed = (await app.inject({ url: '/v1/jobs', headers: bearer(mine.read) })).json()
  const score = listed.items.find((j: { name: string }) => j.name === 'score')
  t.match(score, { schedule: '40 * * * *', lastRuns: [{ id: run.id, status: 'succeeded' }] })
  t.ok(Date.parse(score.nextRunAt) > Date.now(), 'the next fire is in the future')
  t.same(listed.items.map((j: { name: string }) => j.name).sort(), [...jobs.keys()].sort())
  const theirsListed = (await app.inject({ url: '/v1/jobs', headers: bearer(theirs.read) })).json()
  t.ok(theirsListed.items.every((j: { lastRuns: unknown[] }) => j.lastRuns.length === 0), 'another workspace sees none of these runs')
  t.equal((await app.inject({ url: `/v1/job-runs/${run.id}`, headers: bearer(theirs.read) })).statusCode, 404)
})
