// Collection through the real jobs (collect-mentions, then collect-graph) from four networks
// whose servers answer a fifth of the requests with a failure: 429 with and without reset
// headers, 500, a proxy's 502 HTML page, no answer at all, truncated JSON, a reset connection.
// What ends up in the database must equal, row for row, what a fault-free run collects.
import t from 'tap'
import { localJobs as createJobs } from '../helpers/local-network.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import { runJob, type RunOutcome } from '../../jobs/run-job.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { FAULT_KINDS } from '../fakes/fault-injection.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { collectedSnapshot, forgetEverything, snapshotSizes } from './fixtures/collected-snapshot.ts'
import { startCollectionWorld, type CollectionWorld } from './fixtures/collection-world.ts'

const silent: Logger = { info() {}, warn() {}, error() {} }
// Short timeouts so a server that never answers costs little; no real waiting between retries.
// Retries are generous: at a 20% fault rate, ten failures in a row (0.2^11) do not happen.
const jobs = createJobs({ connectorTuning: { timeoutMs: 400, maxRetries: 10, sleep: async () => {} } })

/** Collects into an emptied database, as a first collection would. */
async function collectEverything(database: Database, world: CollectionWorld): Promise<RunOutcome[]> {
  await forgetEverything(database.db)
  const { id: workspaceId } = await createWorkspace(database.db, 'Reliability')
  await world.addSources(database.db, workspaceId)
  await world.addTopics(database.db, workspaceId)
  const outcomes: RunOutcome[] = []
  for (const name of ['collect-mentions', 'collect-graph']) {
    outcomes.push(await runJob({ db: database.db, log: silent }, jobs.get(name)!, { workspaceId }, { trigger: 'manual' }))
  }
  return outcomes
}

t.test('with 20% of requests failing, the collected posts, accounts and follows equal a fault-free run exactly', async (t) => {
  const world = await startCollectionWorld()
  t.teardown(() => world.close())

  // One database, emptied before each run (opening one is the slow part).
  const database = await openTestDatabase(t)
  world.setFaults(null)
  const cleanRequests = world.requests()
  for (const outcome of await collectEverything(database, world)) t.equal(outcome.status, 'succeeded', `fault-free: ${JSON.stringify(outcome)}`)
  const reference = await collectedSnapshot(database.db)
  const sizes = snapshotSizes(reference)
  t.comment(`fault-free run: ${world.requests() - cleanRequests} requests, collected ${JSON.stringify(sizes)}`)
  t.ok(sizes.posts > 300 && sizes.accounts > 100 && sizes.follows > 100 && sizes.interactions > 50, 'the reference run collected a real amount of each')
  const networks = new Set(reference.posts.map((line) => (JSON.parse(line) as string[])[0]))
  t.same([...networks].sort(), ['bluesky', 'mastodon', 'reddit', 'x'], 'posts from every network')

  const totals = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0]))
  let requests = 0
  for (const seed of [1, 2, 3]) {
    world.setFaults(seed, 0.2)
    const before = world.requests()
    const outcomes = await collectEverything(database, world)
    const sent = world.requests() - before
    const injected = world.injected()
    world.setFaults(null)
    for (const outcome of outcomes) t.equal(outcome.status, 'succeeded', `seed ${seed}: ${JSON.stringify(outcome)}`)
    const got = await collectedSnapshot(database.db)
    const injectedTotal = Object.values(injected).reduce((a, b) => a + b, 0)
    t.comment(`fault seed ${seed}: ${sent} requests, ${injectedTotal} faults injected ${JSON.stringify(injected)}`)
    t.ok(injectedTotal >= sent * 0.1, `seed ${seed}: faults were injected (${injectedTotal} of ${sent})`)
    t.same(got.posts, reference.posts, `seed ${seed}: the same posts, field for field`)
    t.same(got.accounts, reference.accounts, `seed ${seed}: the same accounts`)
    t.same(got.follows, reference.follows, `seed ${seed}: the same follows`)
    t.same(got.interactions, reference.interactions, `seed ${seed}: the same interactions`)
    t.same(got.topicPosts, reference.topicPosts, `seed ${seed}: the same posts matched to the same topics`)
    requests += sent
    for (const kind of FAULT_KINDS) totals[kind] += injected[kind]
  }
  t.comment(`faulty runs: ${requests} requests, faults by kind ${JSON.stringify(totals)}`)
  t.ok(FAULT_KINDS.every((k) => totals[k] > 0), 'every kind of fault was injected at least once')
})
