import t from 'tap'
import { sql } from 'kysely'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { localJobs } from '../helpers/local-network.ts'
import { startFakeMastodon, type FakeMastodon, type FakeMastodonSeed } from '../fakes/mastodon/index.ts'

// Who boosted a matched Mastodon status: /api/v1/statuses/:id/reblogged_by, paged by its Link
// header, read after the hashtag walk for statuses whose boost count is above what was read.
const silent: Logger = { info() {}, warn() {}, error() {} }
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()
const ALICE_10 = 'https://other.example/users/Alice/statuses/10'

function seed(): FakeMastodonSeed {
  const boosters = Array.from({ length: 91 }, (_, i) => ({ id: `b${i}`, username: `fan${i}` }))
  return {
    accounts: [{ id: '1', username: 'Alice', domain: 'other.example' }, { id: '2', username: 'bob' }, { id: '3', username: 'carol', domain: 'third.example' }, ...boosters],
    statuses: [
      { id: '10', accountId: '1', createdAt: ago(60), text: 'Riding to work #velo' },
      { id: '11', accountId: '3', createdAt: ago(59), text: 'New lane downtown #velo' },
      { id: '12', accountId: '2', createdAt: ago(58), text: 'Nothing about bikes' },
      { id: '13', accountId: '2', createdAt: ago(50), reblogOfId: '11' },
      ...boosters.map((b, i) => ({ id: `2${String(i).padStart(3, '0')}`, accountId: b.id, createdAt: ago(40 - i / 10), reblogOfId: '10' })),
    ],
  }
}

async function workspace(database: Database, name: string, fake: FakeMastodon) {
  const { id } = await createWorkspace(database.db, name)
  await database.db.insertInto('topics').values({ workspace_id: id, name: 'Vélo', query: '#velo', networks: ['mastodon'] }).execute()
  await database.db.insertInto('sources').values({ workspace_id: id, name: 'mastodon', network: 'mastodon', base_url: fake.url }).execute()
  return id
}

async function collect(database: Database, workspaceId: string, repostRequests?: number) {
  const jobs = localJobs({ connectorTuning: { maxRetries: 1 }, ...(repostRequests !== undefined && { repostRequests }) })
  const outcome = await runJob({ db: database.db, log: silent }, jobs.get('collect-mentions')!, { workspaceId }, { trigger: 'manual' })
  if (outcome.status !== 'succeeded') throw new Error(`collect-mentions ${outcome.status}: ${JSON.stringify(outcome)}`)
  return outcome.stats as Record<string, number>
}

const rebloggedByCalls = (fake: FakeMastodon) => fake.requests.filter((r) => r.path.endsWith('/reblogged_by')).length

async function boosters(database: Database, workspaceId: string, original: string) {
  const { rows } = await sql<{ who: string; target: string }>`
    select s.external_id as who, d.external_id as target from interactions i
    join posts p on p.id = i.post_id join accounts s on s.id = i.source_id join accounts d on d.id = i.target_id
    where i.kind = 'repost' and p.workspace_id = ${workspaceId} and p.repost_of_external_id = ${original} order by 1`.execute(database.db)
  return rows
}

t.test('the boosters of matched statuses are collected as reposts, page by page, once', async (t) => {
  const database = await openTestDatabase(t)
  const fake = await startFakeMastodon(seed())
  t.teardown(() => fake.close())
  const mine = await workspace(database, 'Mine', fake)
  const theirs = await workspace(database, 'Theirs', fake)

  const stats = await collect(database, mine)
  t.equal(stats.matched, 2)
  t.equal(stats.repostRequests, 3, 'two pages for the 91 boosts of one status (80 a page), one for the other')
  t.equal(rebloggedByCalls(fake), 3)
  t.equal(stats.reposts, 92)
  const ofAlice = await boosters(database, mine, ALICE_10)
  t.equal(ofAlice.length, 91, 'every booster passed Alice\'s status on')
  t.ok(ofAlice.every((row) => row.target === 'alice@other.example' && /^fan\d+@127\.0\.0\.1:\d+$/.test(row.who)), 'from the booster to the author, accounts as user@domain')
  t.same((await boosters(database, mine, 'https://third.example/users/carol/statuses/11')).map((r) => r.who), [`bob@${fake.host}`])

  const again = await collect(database, mine)
  t.equal(again.repostRequests, 0, 'a second run does not re-read boosters that did not change')
  t.equal(rebloggedByCalls(fake), 3)

  t.equal((await boosters(database, theirs, ALICE_10)).length, 0, 'the other workspace, not collected, holds none of them')
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from posts where workspace_id = ${theirs}`.execute(database.db)
  t.equal(rows[0].n, 0)
})

t.test('a run never makes more reblogged_by requests than its budget', async (t) => {
  const database = await openTestDatabase(t)
  const fake = await startFakeMastodon(seed())
  t.teardown(() => fake.close())
  const mine = await workspace(database, 'Mine', fake)
  const first = await collect(database, mine, 1)
  t.equal(first.repostRequests, 1)
  t.equal(rebloggedByCalls(fake), 1, 'one request with a budget of one')
  t.equal(first.reposts, 80, 'the first page of the oldest status')
})
