import t from 'tap'
import { openTestDatabase } from '../helpers/database.ts'
import { scheduledRun } from '../helpers/bluesky-fidelity.ts'
import { listenOn } from '../helpers/network-fidelity.ts'
import { startFakeMastodon, type FakeMastodon } from '../fakes/mastodon/index.ts'
import type { Database } from '../../src/platform/db/database.ts'

// An instance whose accounts are named after another domain (LOCAL_DOMAIN) than the host it is
// reached at (WEB_DOMAIN): its local accounts' `acct` carries no domain, so only the instance's
// own answer (/api/v2/instance `domain`) says they are `user@example.com`.
const LOCAL_DOMAIN = 'example.com'
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

async function instance(t: { teardown(fn: () => unknown): void }, options: { instanceV2?: boolean } = {}): Promise<FakeMastodon> {
  const fake = await startFakeMastodon({
    localDomain: LOCAL_DOMAIN,
    ...options,
    accounts: [{ id: '1', username: 'alice' }, { id: '2', username: 'bob', domain: 'other.example' }],
    statuses: [
      { id: '10', accountId: '1', createdAt: ago(30), text: 'Riding to work #velo' },
      { id: '11', accountId: '2', createdAt: ago(20), text: '@alice same here, the new lane is great #velo' },
    ],
  })
  t.teardown(() => fake.close())
  return fake
}

async function handles(database: Database, workspaceId: string): Promise<string[]> {
  const rows = await database.db.selectFrom('accounts').select('handle').where('workspace_id', '=', workspaceId).orderBy('handle').execute()
  return rows.map((r) => r.handle)
}

async function mentionsOf(database: Database, workspaceId: string): Promise<string[]> {
  const rows = await database.db.selectFrom('posts').select('mentions').where('workspace_id', '=', workspaceId).execute()
  return rows.flatMap((r) => r.mentions)
}

const instanceReads = (fake: FakeMastodon) => fake.requests.filter((r) => r.path === '/api/v2/instance' || r.path === '/api/v1/instance').length

t.test('local accounts of an instance with its own account domain are named user@<that domain>, learnt once per source', async (t) => {
  const database = await openTestDatabase(t)
  const fake = await instance(t)
  t.not(fake.host, LOCAL_DOMAIN, 'the instance is reached at another host than its accounts\' domain')
  const { workspaceId } = await listenOn(database, { network: 'mastodon', baseUrl: fake.url, credentials: {} }, ['#velo'])

  const first = await scheduledRun(database, workspaceId)
  t.equal(first.status, 'succeeded', first.error ?? '')
  t.same(await handles(database, workspaceId), ['alice@example.com', 'bob@other.example'])
  t.same(await mentionsOf(database, workspaceId), ['alice@example.com'], 'the mention of the local account names it by its account domain')
  t.equal(first.stats.setupRequests, 1, 'the instance was asked once')

  // A later run (a new process: nothing but the database survives) does not ask again.
  const second = await scheduledRun(database, workspaceId)
  t.equal(second.status, 'succeeded', second.error ?? '')
  t.equal(second.stats.setupRequests, 0)
  t.equal(instanceReads(fake), 1, 'one read of the instance in two runs')
  t.same(await handles(database, workspaceId), ['alice@example.com', 'bob@other.example'], 'no account under the web host')
})

t.test('an instance without /api/v2/instance (before 4.0) gives its domain through /api/v1/instance', async (t) => {
  const database = await openTestDatabase(t)
  const fake = await instance(t, { instanceV2: false })
  const { workspaceId } = await listenOn(database, { network: 'mastodon', baseUrl: fake.url, credentials: {} }, ['#velo'])
  const run = await scheduledRun(database, workspaceId)
  t.equal(run.status, 'succeeded', run.error ?? '')
  t.same(await handles(database, workspaceId), ['alice@example.com', 'bob@other.example'])
  t.equal(run.stats.setupRequests, 2, 'v2 answered 404, then v1')
})

t.test('a domain set on the source is used as it is, without asking the instance', async (t) => {
  const database = await openTestDatabase(t)
  const fake = await instance(t)
  const { workspaceId } = await listenOn(database, { network: 'mastodon', baseUrl: fake.url, settings: { localDomain: LOCAL_DOMAIN }, credentials: {} }, ['#velo'])
  const run = await scheduledRun(database, workspaceId)
  t.equal(run.status, 'succeeded', run.error ?? '')
  t.same(await handles(database, workspaceId), ['alice@example.com', 'bob@other.example'])
  t.equal(run.stats.setupRequests, 0)
  t.equal(instanceReads(fake), 0)
})
