import t from 'tap'
import { sql } from 'kysely'
import type { Database } from '../../src/platform/db/database.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { scheduledRun, TOPIC_WORDS } from '../helpers/bluesky-fidelity.ts'
import { listenOn } from '../helpers/network-fidelity.ts'
import { snowflake, type XSeed, type XSeedTweet } from '../fakes/x/seed.ts'
import { startXFake, type XFake } from '../fakes/x/server.ts'

// Who passed a matched X post on: GET /2/tweets/:id/retweeted_by, read after the search for the
// matched posts whose retweet count grew, each reposter's repost stored as a post.
const authors = [0, 1, 2].map((i) => ({ id: String(7_000_000 + i), username: `voix${i}`, name: `Voix ${i}` }))
const fans = Array.from({ length: 150 }, (_, i) => ({ id: String(7_100_000 + i), username: `fan${i}`, name: `Fan ${i}` }))

/** Ten posts per topic word, ten minutes apart, no retweets yet. */
function seed(): XSeed {
  const tweets = TOPIC_WORDS.flatMap((word, w) => Array.from({ length: 10 }, (_, i) => {
    const ms = Date.now() - (5 + i * 10 + w) * 60_000
    return { id: snowflake(ms, w * 10 + i), authorId: authors[(i + w) % 3].id, text: `Un avis sur le ${word}, numéro ${i}`, createdAt: new Date(ms).toISOString(), retweets: 0 }
  }))
  return { users: [...authors, ...fans], tweets, follows: [] }
}

/** `count` fans retweet `original`, a second apart after `startMs`; its count says so. */
function retweet(fake: XFake, original: XSeedTweet, from: number, count: number, startMs = Date.now() - 60_000) {
  for (let i = 0; i < count; i++) {
    const ms = startMs + i * 1000
    fake.seed.tweets.push({ id: snowflake(ms, 3000 + from + i), authorId: fans[from + i].id, text: `RT @x: ${original.text}`, createdAt: new Date(ms).toISOString(), retweetOf: original.id })
  }
  original.retweets = (original.retweets ?? 0) + count
}

async function setup(t: Parameters<typeof openTestDatabase>[0] & { teardown(fn: () => unknown): void }, settings?: Record<string, string>) {
  const database = await openTestDatabase(t)
  const fake = await startXFake({ seed: seed() })
  t.teardown(fake.close)
  const listening = await listenOn(database, { network: 'x', baseUrl: fake.url, credentials: { bearerToken: 'fake-bearer-token' }, ...(settings && { settings }) })
  return { database, fake, ...listening }
}

async function reposters(database: Database, workspaceId: string, original: string): Promise<string[]> {
  const { rows } = await sql<{ reposter: string }>`
    select s.external_id as reposter from interactions i
    join posts p on p.id = i.post_id join accounts s on s.id = i.source_id join accounts d on d.id = i.target_id
    where i.kind = 'repost' and p.workspace_id = ${workspaceId} and p.repost_of_external_id = ${original} order by 1`.execute(database.db)
  return rows.map((r) => r.reposter)
}

const retweetedByCalls = (fake: XFake, from = 0) => fake.requests.slice(from).filter((r) => r.path.endsWith('/retweeted_by'))

t.test('the reposters of matched X posts are collected as reposts and repost interactions, once, and billed as user reads', async (t) => {
  const { database, fake, workspaceId, topicIds } = await setup(t, { repostReadsPerRun: '300' })
  const [velo, train] = [fake.seed.tweets[0], fake.seed.tweets[10]]
  retweet(fake, velo, 0, 2)
  // 130 reposters of one post: two pages of retweeted_by (100 at most a page).
  retweet(fake, train, 2, 130)

  const first = await scheduledRun(database, workspaceId)
  t.equal(first.status, 'succeeded', first.error ?? '')
  t.equal(first.stats.repostRequests, 3, 'one page for the velo post, two for the train post')
  t.same(retweetedByCalls(fake).map((r) => r.query.get('max_results')), ['100', '100', '100'])
  t.equal(first.stats.reposts, 132, 'every reposter’s repost is stored')
  t.same(await reposters(database, workspaceId, velo.id), [fans[0].id, fans[1].id])
  t.equal((await reposters(database, workspaceId, train.id)).length, 130)
  t.equal(first.stats.billedUserReads, fake.usersServed, 'every user X served is counted as a billed read')
  const onTopics = await database.db.selectFrom('topic_posts').innerJoin('posts', 'posts.id', 'topic_posts.post_id')
    .select('posts.external_id').where('topic_posts.topic_id', 'in', topicIds).where('posts.repost_of_external_id', 'is not', null).execute()
  t.equal(onTopics.length, 0, 'reposts match no topic')

  // Nothing grew: nothing is read again. Then one more retweet of the velo post: only it is read.
  const at = fake.requests.length
  const second = await scheduledRun(database, workspaceId)
  t.equal(second.stats.repostRequests, 0)
  retweet(fake, velo, 140, 1)
  const third = await scheduledRun(database, workspaceId)
  t.equal(third.status, 'succeeded', third.error ?? '')
  t.equal(retweetedByCalls(fake, at).length, 1, 'the post whose count grew, once')
  t.same(await reposters(database, workspaceId, velo.id), [fans[0].id, fans[1].id, fans[140].id], 'the new reposter added, the others not repeated')
})

t.test('by default a run reads one page of reposters per X source, and a post with more does not hold up the others', async (t) => {
  const { database, fake, workspaceId } = await setup(t)
  const [velo, train] = [fake.seed.tweets[0], fake.seed.tweets[19]]
  retweet(fake, train, 0, 130)
  retweet(fake, velo, 140, 3)
  const first = await scheduledRun(database, workspaceId)
  t.equal(first.stats.repostRequests, 1, 'one page of 100, the default 100 reposters a run')
  const second = await scheduledRun(database, workspaceId)
  t.equal(second.stats.repostRequests, 1)
  t.equal((await reposters(database, workspaceId, train.id)).length, 100, 'the hundred latest reposters of the older post, read once')
  t.equal((await reposters(database, workspaceId, velo.id)).length, 3, 'the next post is read on the next run')
  t.equal(fake.overLimit, 0)
})

t.test('repostReadsPerRun 0 reads no reposters', async (t) => {
  const { database, fake, workspaceId } = await setup(t, { repostReadsPerRun: '0' })
  retweet(fake, fake.seed.tweets[0], 0, 5)
  const run = await scheduledRun(database, workspaceId)
  t.equal(run.status, 'succeeded', run.error ?? '')
  t.equal(retweetedByCalls(fake).length, 0)
  t.equal(run.stats.reposts, 0)
})

t.test('a repostReadsPerRun below 100 reads one page of that many reposters, not none', async (t) => {
  const { database, fake, workspaceId } = await setup(t, { repostReadsPerRun: '50' })
  const [velo, train] = [fake.seed.tweets[0], fake.seed.tweets[19]]
  retweet(fake, train, 0, 130)
  retweet(fake, velo, 140, 3)
  const first = await scheduledRun(database, workspaceId)
  t.equal(first.status, 'succeeded', first.error ?? '')
  t.same(retweetedByCalls(fake).map((r) => r.query.get('max_results')), ['50'], 'one page asking for the 50 the setting allows')
  t.equal(first.stats.reposts, 50)
  t.equal((await reposters(database, workspaceId, train.id)).length, 50, 'the 50 latest reposters of the older post')
  const at = fake.requests.length
  const second = await scheduledRun(database, workspaceId)
  t.same(retweetedByCalls(fake, at).map((r) => r.query.get('max_results')), ['50'], 'the next run reads the next post')
  t.equal((await reposters(database, workspaceId, velo.id)).length, 3)
  t.equal(second.stats.reposts, 3)
})

t.test('a repostReadsPerRun between pages reads whole pages, then a last one of what is left', async (t) => {
  const { database, fake, workspaceId } = await setup(t, { repostReadsPerRun: '150' })
  const [velo, train] = [fake.seed.tweets[0], fake.seed.tweets[19]]
  retweet(fake, train, 0, 130)
  retweet(fake, velo, 140, 3)
  const first = await scheduledRun(database, workspaceId)
  t.equal(first.status, 'succeeded', first.error ?? '')
  t.same(retweetedByCalls(fake).map((r) => r.query.get('max_results')), ['100', '50'], 'a page of 100, then one of the 50 left')
  t.equal((await reposters(database, workspaceId, train.id)).length, 130, 'all 130 reposters, within the 150 allowed')
  t.equal(first.stats.repostRequests, 2)
})
