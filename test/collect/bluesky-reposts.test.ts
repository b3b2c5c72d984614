import t from 'tap'
import { sql } from 'kysely'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { sealCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { localJobs } from '../helpers/local-network.ts'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'
import { LOGIN, TOPIC_WORDS, listen, minutesAgo } from '../helpers/bluesky-fidelity.ts'
import { postUri, type FakeBluesky } from '../fakes/bluesky/index.ts'

// Who passed a matched Bluesky post on: app.bsky.feed.getRepostedBy, read after the search for
// the matched posts the network says were reposted, each reposter's repost stored as a post.
const silent: Logger = { info() {}, warn() {}, error() {} }
const VELO_0 = postUri('did:plc:ann', 'velo-0')
const TRAIN_3 = postUri('did:plc:ben', 'train-3')

async function collect(database: Database, workspaceId: string, repostRequests?: number) {
  const jobs = localJobs({ connectorTuning: { maxRetries: 1 }, ...(repostRequests !== undefined && { repostRequests }) })
  const outcome = await runJob({ db: database.db, log: silent }, jobs.get('collect-mentions')!, { workspaceId }, { trigger: 'manual' })
  if (outcome.status !== 'succeeded') throw new Error(`collect-mentions ${outcome.status}: ${JSON.stringify(outcome)}`)
  return outcome.stats as Record<string, number>
}

const repostedByCalls = (fake: FakeBluesky) => fake.requests.filter((r) => r.nsid === 'app.bsky.feed.getRepostedBy').length

function repost(fake: FakeBluesky, byDid: string, subjectUri: string, minutes: number) {
  if (!fake.state.actors.has(byDid)) fake.state.actors.set(byDid, { did: byDid, handle: `${byDid.slice(8)}.test` })
  fake.state.reposts.push({ rkey: `r-${byDid.slice(8)}-${subjectUri.split('/').pop()}`, byDid, subjectUri, indexedAt: minutesAgo(minutes) })
}

async function repostEdges(database: Database, workspaceId: string, original: string) {
  const { rows } = await sql<{ edge: string }>`
    select s.external_id || ' > ' || d.external_id as edge from interactions i
    join posts p on p.id = i.post_id join accounts s on s.id = i.source_id join accounts d on d.id = i.target_id
    where i.kind = 'repost' and p.workspace_id = ${workspaceId} and p.repost_of_external_id = ${original} order by 1`.execute(database.db)
  return rows.map((r) => r.edge)
}

t.test('the reposters of matched posts are collected as reposts and repost interactions, once', async (t) => {
  const database = await openTestDatabase(t)
  const { fake, workspaceId, topicIds } = await listen(t, database)
  repost(fake, 'did:plc:ben', VELO_0, 0.5)
  repost(fake, 'did:plc:cat', VELO_0, 0.4)
  // 120 reposters of one post: two pages of getRepostedBy (100 at most a page).
  for (let i = 0; i < 120; i++) repost(fake, `did:plc:fan${i}`, TRAIN_3, 0.3)

  const stats = await collect(database, workspaceId)
  t.equal(stats.repostRequests, 3, 'one page for velo-0, two for train-3')
  t.equal(repostedByCalls(fake), 3)
  t.equal(stats.reposts, 122, 'every reposter\'s repost is stored')
  t.same(await repostEdges(database, workspaceId, VELO_0), ['did:plc:ben > did:plc:ann', 'did:plc:cat > did:plc:ann'], 'each reposter passed the author\'s post on')
  t.equal((await repostEdges(database, workspaceId, TRAIN_3)).length, 120)
  const onTopics = await database.db.selectFrom('topic_posts').innerJoin('posts', 'posts.id', 'topic_posts.post_id')
    .select('posts.external_id').where('topic_posts.topic_id', 'in', topicIds).where('posts.repost_of_external_id', 'is not', null).execute()
  t.equal(onTopics.length, 0, 'reposts match no topic')
  const fans = await database.db.selectFrom('accounts').select('handle').where('workspace_id', '=', workspaceId).where('external_id', 'like', 'did:plc:fan%').execute()
  t.equal(fans.length, 120, 'the reposters are accounts of the workspace')

  const again = await collect(database, workspaceId)
  t.equal(again.repostRequests, 0, 'a second run does not re-read reposters that did not change')
  t.equal(repostedByCalls(fake), 3)

  // One more repost of velo-0: the engagement refresh sees the count grow, so it is read again.
  repost(fake, 'did:plc:dan', VELO_0, 0.1)
  const third = await collect(database, workspaceId)
  t.equal(third.repostRequests, 1, 'only the post whose repost count grew is read')
  t.same(await repostEdges(database, workspaceId, VELO_0), ['did:plc:ben > did:plc:ann', 'did:plc:cat > did:plc:ann', 'did:plc:dan > did:plc:ann'], 'the new reposter is added, the others not repeated')
})

t.test('a run never makes more getRepostedBy requests than its budget', async (t) => {
  const database = await openTestDatabase(t)
  const { fake, workspaceId } = await listen(t, database)
  for (let i = 0; i < 120; i++) repost(fake, `did:plc:fan${i}`, TRAIN_3, 0.3)
  repost(fake, 'did:plc:ben', VELO_0, 0.5)
  const first = await collect(database, workspaceId, 1)
  t.equal(first.repostRequests, 1)
  t.equal(repostedByCalls(fake), 1, 'one request with a budget of one')
  const second = await collect(database, workspaceId, 2)
  t.equal(repostedByCalls(fake), 3, 'two more with a budget of two')
  t.ok(second.repostRequests <= 2)
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from posts where workspace_id = ${workspaceId} and repost_of_external_id is not null`.execute(database.db)
  t.ok(rows[0].n >= 100, `reposts stored across runs (${rows[0].n})`)
})

t.test('another workspace listening to the same network sees none of the reposts', async (t) => {
  const database = await openTestDatabase(t)
  const { fake, workspaceId } = await listen(t, database)
  repost(fake, 'did:plc:ben', VELO_0, 0.5)
  const { id: theirs } = await createWorkspace(database.db, 'Theirs')
  await database.db.insertInto('sources').values({
    workspace_id: theirs, name: 'bluesky', network: 'bluesky', base_url: fake.url,
    settings: { pdsUrl: fake.url }, credentials: sealCredentials(TEST_SECRETS, { identifier: LOGIN.identifier, appPassword: LOGIN.password }),
  }).execute()
  await database.db.insertInto('topics').values(TOPIC_WORDS.map((word) => ({ workspace_id: theirs, name: word, query: word }))).execute()
  const stats = await collect(database, workspaceId)
  t.equal(stats.reposts, 1)
  t.same(await repostEdges(database, workspaceId, VELO_0), ['did:plc:ben > did:plc:ann'])
  t.same(await repostEdges(database, theirs, VELO_0), [], 'none in the other workspace')
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from posts where workspace_id = ${theirs}`.execute(database.db)
  t.equal(rows[0].n, 0, 'the other workspace holds no post at all')
})
