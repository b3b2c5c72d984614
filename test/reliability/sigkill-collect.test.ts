// `relais job run collect-mentions` killed with SIGKILL at seeded random points (after the Nth
// request the networks see, plus a few milliseconds, so some kills land between a page's answer
// and its commit). The next run must end with exactly the posts, accounts and interactions of an
// uninterrupted run: nothing twice, nothing missing. Runs against the database of the suite: a
// fresh PostgreSQL database with DATABASE_URL, an embedded DATA_DIR without.
import t from 'tap'
import { once } from 'node:events'
import { localJobs as createJobs } from '../helpers/local-network.ts'
import { runJob } from '../../jobs/run-job.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { seededRandom } from '../fakes/fault-injection.ts'
import { runCli, startCli } from '../helpers/run-cli.ts'
import { childDatabaseTemplate, withOpen } from './fixtures/child-database.ts'
import { collectedSnapshot, type CollectedSnapshot } from './fixtures/collected-snapshot.ts'
import { startCollectionWorld, type CollectionWorld } from './fixtures/collection-world.ts'
import { danglingReferences } from '../helpers/dangling-references.ts'

const SEEDS = [1, 2, 3]

async function setUp(database: Database, world: CollectionWorld) {
  const { id } = await createWorkspace(database.db, 'Killed')
  await world.addSources(database.db, id)
  await world.addTopics(database.db, id)
}

t.test('a collect-mentions process killed at random points is completed by the next run, with no duplicate and no gap', async (t) => {
  const world = await startCollectionWorld()
  t.teardown(() => world.close())

  // Every run starts from a copy of one database holding the workspace, its sources and topics.
  const freshDatabase = await childDatabaseTemplate(t, (database) => setUp(database, world))

  // The reference: the same collection, uninterrupted, in this process.
  const before = world.requests()
  const reference = await withOpen((await freshDatabase()).open, async (database) => {
    const uninterrupted = await runJob({ db: database.db, log: { info() {}, warn() {}, error() {} } }, createJobs().get('collect-mentions')!, {}, { trigger: 'manual' })
    t.equal(uninterrupted.status, 'succeeded', 'the uninterrupted run succeeds')
    return collectedSnapshot(database.db)
  })
  const fullRequests = world.requests() - before
  t.comment(`uninterrupted run: ${fullRequests} requests, ${reference.posts.length} posts, ${reference.accounts.length} accounts, ${reference.interactions.length} interactions`)
  t.ok(reference.posts.length > 300, 'the collection is large enough to be cut')

  let partialKills = 0
  for (const [i, seed] of SEEDS.entries()) {
    const random = seededRandom(seed)
    // Each seed kills somewhere in its own share of the run: early, middle, late.
    const killAfter = Math.max(1, Math.floor(((i + random()) * (fullRequests - 1)) / SEEDS.length))
    const delayMs = Math.floor(random() * 40)
    const target = await freshDatabase()

    const child = startCli(['job', 'run', 'collect-mentions'], target.env)
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
    const start = world.requests()
    world.watch((total) => {
      if (total - start !== killAfter) return
      setTimeout(() => child.kill('SIGKILL'), delayMs)
    })
    const [code, signal] = await exited
    world.watch(null)
    t.equal(signal, 'SIGKILL', `seed ${seed}: killed after request ${killAfter} + ${delayMs} ms (exit code ${code})`)

    let postsAtKill = 0
    await withOpen(target.open, async (database) => {
      postsAtKill = (await collectedSnapshot(database.db)).posts.length
      const running = await database.db.selectFrom('job_runs').select('id').where('status', '=', 'running').execute()
      t.equal(running.length, 1, `seed ${seed}: the killed run is left 'running'`)
      // Its heartbeat is still fresh: the next run, on the same host, sees that its process is gone.
    })
    if (postsAtKill > 0 && postsAtKill < reference.posts.length) partialKills++
    t.comment(`seed ${seed} (${target.kind}): killed after request ${killAfter}/${fullRequests} + ${delayMs} ms with ${postsAtKill}/${reference.posts.length} posts stored`)

    const next = await runCli(['job', 'run', 'collect-mentions'], target.env)
    t.equal(next.code, 0, `seed ${seed}: the next run completes (${next.stderr.trim()})`)
    await withOpen(target.open, async (database) => {
      const got: CollectedSnapshot = await collectedSnapshot(database.db)
      t.same(got.posts, reference.posts, `seed ${seed}: the same posts as an uninterrupted run`)
      t.same(got.accounts, reference.accounts, `seed ${seed}: the same accounts`)
      t.same(got.interactions, reference.interactions, `seed ${seed}: the same interactions`)
      t.same(got.topicPosts, reference.topicPosts, `seed ${seed}: the same topic matches`)
      t.same(await danglingReferences(database.db), [], `seed ${seed}: every reference points at a stored row`)
      const runs = await database.db.selectFrom('job_runs').select(['status', 'error']).orderBy('id').execute()
      t.match(runs, [{ status: 'failed', error: /abandoned/i }, { status: 'succeeded' }], `seed ${seed}: the killed run is recorded as failed, the next one as succeeded`)
    })
  }
  t.ok(partialKills >= 1, `${partialKills} of ${SEEDS.length} kills left a partial collection behind`)
})
