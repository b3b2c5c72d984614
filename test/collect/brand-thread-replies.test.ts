import t from 'tap'
import { sql } from 'kysely'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { createInboxService } from '../../src/insight/mentions/inbox-service.ts'
import { loadTopicGraph } from '../../src/insight/scoring/load-topic-graph.ts'
import { importRecords } from '../../src/pipeline/interchange/import-records.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { localJobs } from '../helpers/local-network.ts'
import { startFakeMastodon } from '../fakes/mastodon/index.ts'
import { sealCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'
import * as migration0042 from '../../migrations/20261207_0042_refresh_misses_and_thread_replies.ts'

// Replies read under the brand's own matched status that do not match the query themselves:
// on the topic as what they are (in the conversation of its own account), in its inbox, and
// not counted by influence as writing on the topic.
const silent: Logger = { info() {}, warn() {}, error() {} }
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()
const BRAND = 'alice@other.example'
const TOKEN = 'token-of-bob'

async function collect(database: Database, workspaceId: string) {
  const jobs = localJobs({ connectorTuning: { maxRetries: 1 } })
  const outcome = await runJob({ db: database.db, log: silent }, jobs.get('collect-mentions')!, { workspaceId }, { trigger: 'manual' })
  if (outcome.status !== 'succeeded') throw new Error(`collect-mentions ${outcome.status}: ${JSON.stringify(outcome)}`)
  return outcome.stats as Record<string, number>
}

async function setup(t: Parameters<typeof openTestDatabase>[0] & { teardown(fn: () => unknown): void }, options: { brandPostOnTimeline: boolean; token?: boolean }) {
  const database = await openTestDatabase(t)
  const fake = await startFakeMastodon({
    accounts: [{ id: '1', username: 'Alice', domain: 'other.example' }, { id: '2', username: 'bob' }, { id: '3', username: 'carol', domain: 'third.example' }],
    statuses: [
      { id: '10', accountId: '1', createdAt: ago(60), text: options.brandPostOnTimeline ? 'Riding to work #velo' : 'Riding to work' },
      { id: '11', accountId: '3', createdAt: ago(59), text: 'New lane downtown #velo' },
      { id: '12', accountId: '2', createdAt: ago(50), text: '@Alice@other.example which bridge do you cross?', inReplyToId: '10' },
      { id: '13', accountId: '1', createdAt: ago(49), text: '@bob the old one', inReplyToId: '12' },
      { id: '14', accountId: '3', createdAt: ago(48), text: 'Nice', inReplyToId: '10' },
    ],
    tokenOwners: { [TOKEN]: '2' },
  })
  t.teardown(() => fake.close())
  const { id: workspaceId } = await createWorkspace(database.db, 'Brand')
  const topic = await database.db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Vélo', query: '#velo', networks: ['mastodon'], own_accounts: { mastodon: [`@${BRAND}`] } }).returning('id').executeTakeFirstOrThrow()
  await database.db.insertInto('sources').values({
    workspace_id: workspaceId, name: 'mastodon', network: 'mastodon', base_url: fake.url,
    credentials: options.token ? sealCredentials(TEST_SECRETS, { accessToken: TOKEN }) : {},
  }).execute()
  return { database, fake, workspaceId, topicId: topic.id }
}

t.test('replies under the brand\'s status are on its topic as answering its account, in the inbox, and not writing on the topic', async (t) => {
  const { database, fake, workspaceId, topicId } = await setup(t, { brandPostOnTimeline: true })
  const stats = await collect(database, workspaceId)
  t.equal(stats.replies, 3)
  const { rows } = await sql<{ id: string; via: string; terms: string[] }>`
    select p.external_id as id, tp.via, tp.matched_terms as terms from topic_posts tp join posts p on p.id = tp.post_id
    where tp.topic_id = ${topicId} order by p.created_at`.execute(database.db)
  t.same(rows.map((r) => [r.id.replace(`http://${fake.host}`, 'local'), r.via, r.terms]), [
    ['https://other.example/users/Alice/statuses/10', 'query', ['#velo']],
    ['https://third.example/users/carol/statuses/11', 'query', ['#velo']],
    ['local/users/bob/statuses/12', 'own-account', [`@${BRAND}`]],
    ['https://other.example/users/Alice/statuses/13', 'own-account', [`@${BRAND}`]],
    ['https://third.example/users/carol/statuses/14', 'own-account', [`@${BRAND}`]],
  ], 'the matched statuses by the query, the replies under the brand\'s status by its account')

  const inbox = await createInboxService({ db: database.db }).list(workspaceId, topicId, { limit: 50 })
  const item = (text: string) => inbox.items.find((i) => i.mention.text.includes(text))
  t.same(item('Nice')?.reasons, ['directMention'], 'a reply under the brand\'s status is addressed to the brand')
  t.ok(item('Nice')?.why.en.startsWith(`Replies under a post by @${BRAND}. `), String(item('Nice')?.why.en))
  t.ok(item('Nice')?.why.fr.startsWith(`Répond sous une publication de @${BRAND}. `), String(item('Nice')?.why.fr))
  t.same(item('which bridge')?.reasons, ['question', 'directMention'])
  t.ok(item('which bridge')?.why.en.startsWith(`Mentions @${BRAND}, asks a question. `), `a reply that names the brand says so: ${item('which bridge')?.why.en}`)
  t.notOk(item('the old one'), 'the brand\'s own reply is not in its inbox')

  // Influence: only statuses matching the query are writing on the topic.
  const graph = await loadTopicGraph(database.db, topicId, new Date(Date.now() - 7 * 86_400_000), new Date())
  const postsBy = (handle: string) => graph.topicPosts[graph.handles.findIndex((h) => h.toLowerCase() === handle)] ?? 0
  t.equal(postsBy('carol@third.example'), 1, 'carol\'s matched status counts, her reply does not')
  t.equal(postsBy(`bob@${fake.host}`), 0, 'bob only replied')
  t.equal(postsBy(BRAND), 1)
})

t.test('replies stored before as matching the query are marked by the migration', async (t) => {
  const { database, workspaceId, topicId } = await setup(t, { brandPostOnTimeline: true })
  await collect(database, workspaceId)
  // As the collection stored them before: 'query' with no matched terms.
  await sql`update topic_posts set via = 'query', matched_terms = '{}' where topic_id = ${topicId} and via = 'own-account'`.execute(database.db)
  await sql`drop table post_engagement_misses`.execute(database.db)
  await migration0042.up(database.db as never)
  const { rows } = await sql<{ via: string; n: number }>`
    select via, count(*)::int as n from topic_posts where topic_id = ${topicId} group by via order by via`.execute(database.db)
  t.same(rows, [{ via: 'own-account', n: 3 }, { via: 'query', n: 2 }], 'the three replies (one two steps under the brand\'s status) are marked again')
  const terms = await sql<{ terms: string[] }>`select distinct matched_terms as terms from topic_posts where topic_id = ${topicId} and via = 'own-account'`.execute(database.db)
  t.same(terms.rows.map((r) => r.terms), [[`@${BRAND}`]])
})

t.test('the search that finds the instance\'s id of a status it has not listed (resolve) is counted in the run\'s requests', async (t) => {
  const { database, fake, workspaceId } = await setup(t, { brandPostOnTimeline: false, token: true })
  // The brand's status reached the workspace by an import: the instance never listed it to this source.
  const record = { type: 'post', network: 'mastodon', id: 'https://other.example/users/Alice/statuses/10', authorId: BRAND, createdAt: ago(60), text: 'Riding to work #velo', replies: 2 }
  const lines = `${JSON.stringify({ type: 'account', network: 'mastodon', id: BRAND, handle: BRAND })}\n${JSON.stringify(record)}\n`
  await importRecords(database.db, workspaceId, (async function* () { yield lines })())
  const stats = await collect(database, workspaceId)
  const resolves = fake.requests.filter((r) => r.path === '/api/v2/search' && r.query.get('resolve') === 'true')
  const contexts = fake.requests.filter((r) => r.path.endsWith('/context'))
  t.equal(resolves.length, 1, 'one resolving search')
  t.equal(contexts.length, 1, 'then one context read')
  t.equal(stats.threadRequests, 2, 'both counted')
  t.equal(stats.replies, 3, 'the replies were read under it')
})
