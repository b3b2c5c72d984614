import t from 'tap'
import { sql } from 'kysely'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { createInboxService } from '../../src/insight/mentions/inbox-service.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { localJobs } from '../helpers/local-network.ts'
import { startFakeMastodon, type FakeMastodon, type FakeMastodonSeed } from '../fakes/mastodon/index.ts'

// The replies under a matched Mastodon status: /api/v1/statuses/:id/context (descendants), read
// after the hashtag walk for statuses whose reply count is above what was read.
const silent: Logger = { info() {}, warn() {}, error() {} }
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()
const ALICE_10 = 'https://other.example/users/Alice/statuses/10'

function seed(): FakeMastodonSeed {
  return {
    accounts: [{ id: '1', username: 'Alice', domain: 'other.example' }, { id: '2', username: 'bob' }, { id: '3', username: 'carol', domain: 'third.example' }],
    statuses: [
      { id: '10', accountId: '1', createdAt: ago(60), text: 'Riding to work #velo' },
      { id: '11', accountId: '3', createdAt: ago(59), text: 'New lane downtown #velo' },
      { id: '12', accountId: '2', createdAt: ago(50), text: '@Alice@other.example which bridge do you cross?', inReplyToId: '10' },
      { id: '13', accountId: '1', createdAt: ago(49), text: '@bob the old one', inReplyToId: '12' },
      { id: '14', accountId: '3', createdAt: ago(48), text: 'Nice', inReplyToId: '10' },
    ],
  }
}

async function collect(database: Database, workspaceId: string, threadRequests?: number) {
  const jobs = localJobs({ connectorTuning: { maxRetries: 1 }, ...(threadRequests !== undefined && { threadRequests }) })
  const outcome = await runJob({ db: database.db, log: silent }, jobs.get('collect-mentions')!, { workspaceId }, { trigger: 'manual' })
  if (outcome.status !== 'succeeded') throw new Error(`collect-mentions ${outcome.status}: ${JSON.stringify(outcome)}`)
  return outcome.stats as Record<string, number>
}

const contextCalls = (fake: FakeMastodon) => fake.requests.filter((r) => r.path.endsWith('/context')).length

t.test('the replies under a matched status are collected as replies on the topic, once', async (t) => {
  const database = await openTestDatabase(t)
  const fake = await startFakeMastodon(seed())
  t.teardown(() => fake.close())
  const { id: workspaceId } = await createWorkspace(database.db, 'Mine')
  const topic = await database.db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Vélo', query: '#velo', networks: ['mastodon'], own_accounts: { mastodon: ['alice@other.example'] } }).returning('id').executeTakeFirstOrThrow()
  await database.db.insertInto('sources').values({ workspace_id: workspaceId, name: 'mastodon', network: 'mastodon', base_url: fake.url }).execute()

  const stats = await collect(database, workspaceId)
  t.equal(stats.matched, 2)
  t.equal(stats.threadRequests, 1, 'one context read: the only matched status with replies')
  t.equal(contextCalls(fake), 1)
  t.equal(stats.replies, 3)
  const { rows } = await sql<{ id: string; parent: string; author: string }>`
    select p.external_id as id, p.reply_to_external_id as parent, a.external_id as author from posts p join accounts a on a.id = p.author_id
    where p.workspace_id = ${workspaceId} and p.reply_to_external_id is not null order by p.created_at`.execute(database.db)
  t.same(rows, [
    { id: `http://${fake.host}/users/bob/statuses/12`, parent: ALICE_10, author: `bob@${fake.host}` },
    { id: 'https://other.example/users/Alice/statuses/13', parent: `http://${fake.host}/users/bob/statuses/12`, author: 'alice@other.example' },
    { id: 'https://third.example/users/carol/statuses/14', parent: ALICE_10, author: 'carol@third.example' },
  ], 'each reply points at its parent by uri, by its author as user@domain')
  const inbox = await createInboxService({ db: database.db }).list(workspaceId, topic.id, { limit: 50 })
  t.ok(inbox.items.some((item) => item.mention.text.includes('which bridge do you cross?')), 'the question under the matched status is in the topic\'s inbox')

  const again = await collect(database, workspaceId)
  t.equal(again.threadRequests, 0, 'a second run does not re-read an unchanged conversation')
  t.equal(contextCalls(fake), 1)
  // The replies on the topic are kept current like any matched status: re-read by the instance's own id.
  const { rows: read } = await sql<{ id: string; readings: number }>`
    select p.external_id as id, (select count(*)::int from post_engagement_readings r where r.post_id = p.id) as readings
    from posts p join topic_posts tp on tp.post_id = p.id and tp.topic_id = ${topic.id}
    where p.workspace_id = ${workspaceId} and p.reply_to_external_id is not null order by p.created_at`.execute(database.db)
  t.equal(read.length, 3, 'the three replies under the brand\'s status are on its topic')
  t.ok(read.every((r) => r.readings > 0), `the engagement refresh read every reply on the topic: ${JSON.stringify(read)}`)
})
