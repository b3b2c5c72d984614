import t from 'tap'
import { openTestDatabase } from '../helpers/database.ts'
import { scheduledRun, TOPIC_WORDS } from '../helpers/bluesky-fidelity.ts'
import { latestReadings, listenOn, storedCounts } from '../helpers/network-fidelity.ts'
import { snowflake, type XSeed } from '../fakes/x/seed.ts'
import { startXFake } from '../fakes/x/server.ts'

/** Ten posts per topic word, the newest a minute old, ten minutes apart, none liked yet. */
function seed(): XSeed {
  const users = [0, 1, 2].map((i) => ({ id: String(4_000_000 + i), username: `voix${i}`, name: `Voix ${i}` }))
  const tweets = TOPIC_WORDS.flatMap((word, w) => Array.from({ length: 10 }, (_, i) => {
    const ms = Date.now() - (1 + i * 10 + w) * 60_000
    return { id: snowflake(ms, w * 10 + i), authorId: users[(i + w) % 3].id, text: `Un avis sur le ${word}, numéro ${i}`, createdAt: new Date(ms).toISOString(), likes: 0, retweets: 0, replies: 0, quotes: 0 }
  }))
  return { users, tweets, follows: [] }
}

async function setup(t: Parameters<typeof openTestDatabase>[0] & { teardown(fn: () => unknown): void }) {
  const database = await openTestDatabase(t)
  const fake = await startXFake({ seed: seed() })
  t.teardown(fake.close)
  const listening = await listenOn(database, { network: 'x', baseUrl: fake.url, credentials: { bearerToken: 'fake-bearer-token' } })
  return { database, fake, ...listening }
}

t.test('after a run, every matched X post younger than the window has the server’s current counts', async (t) => {
  const { database, fake, workspaceId } = await setup(t)
  const first = await scheduledRun(database, workspaceId)
  t.equal(first.status, 'succeeded', first.error ?? '')

  // Engagement grows after the first read.
  fake.seed.tweets.forEach((tweet, n) => Object.assign(tweet, { likes: n * 3 + 1, retweets: n % 4, replies: n % 5, quotes: n % 3 }))
  const before = fake.requests.length
  const second = await scheduledRun(database, workspaceId)
  t.equal(second.status, 'succeeded', second.error ?? '')

  const stored = await storedCounts(database, workspaceId)
  t.equal(stored.size, 30, 'ten matched posts per topic in the window')
  // The search's overlap brings some counts too: the refresh's own readings show it read them all.
  const readings = await latestReadings(database, workspaceId)
  for (const tweet of fake.seed.tweets) {
    const now = { likes: tweet.likes, reposts: tweet.retweets, replies: tweet.replies, quotes: tweet.quotes }
    t.same(stored.get(tweet.id), now, tweet.id)
    t.same(readings.get(tweet.id), now, `read by the refresh: ${tweet.id}`)
  }
  // Post lookup takes 100 ids: the 30 posts of the source are one request, with public_metrics only.
  const lookups = fake.requests.slice(before).filter((r) => r.path === '/2/tweets')
  t.equal(lookups.length, 1)
  t.equal(lookups[0].query.get('ids')?.split(',').length, 30)
  t.equal(lookups[0].query.get('tweet.fields'), 'public_metrics')
  t.equal(second.stats.refreshRequests, 1)
  t.equal(second.stats.refreshed, 30)
  const kept = await database.db.selectFrom('post_engagement_readings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  t.equal(Number(kept.n), 60, 'one reading per post per run, each with its time')
})

t.test('the refresh stays within its request cap, and the next run goes on from the oldest readings', async (t) => {
  const { database, fake, workspaceId } = await setup(t)
  // 250 more matched posts (280 in all): three lookups of 100 to read them all.
  for (let i = 0; i < 250; i++) {
    const ms = Date.now() - (40 + i) * 60_000
    fake.seed.tweets.push({ id: snowflake(ms, 100 + i), authorId: '4000000', text: `Encore le velo ${i}`, createdAt: new Date(ms).toISOString(), likes: 0 })
  }
  await scheduledRun(database, workspaceId, { refreshRequests: 2 })
  for (const tweet of fake.seed.tweets) tweet.likes = 7
  const before = fake.requests.length
  const capped = await scheduledRun(database, workspaceId, { refreshRequests: 2 })
  const lookups = fake.requests.slice(before).filter((r) => r.path === '/2/tweets')
  t.equal(lookups.length, 2, 'two lookups, as capped')
  t.ok(lookups.every((r) => (r.query.get('ids') ?? '').split(',').length <= 100))
  t.equal(capped.stats.refreshed, 200)
  const afterCapped = [...(await latestReadings(database, workspaceId)).values()].filter((c) => c.likes === 7).length
  t.equal(afterCapped, 200, 'two hundred read by the refresh')
  await scheduledRun(database, workspaceId, { refreshRequests: 2 })
  const all = [...(await latestReadings(database, workspaceId)).values()]
  t.equal(all.length, 280)
  t.ok(all.every((c) => c.likes === 7), 'the posts left over are read first on the next run')
  t.equal(fake.overLimit, 0)
})

t.test('a post deleted since it was collected keeps the counts it had (X answers it as a partial error)', async (t) => {
  const { database, fake, workspaceId } = await setup(t)
  await scheduledRun(database, workspaceId)
  const gone = fake.seed.tweets.shift()!
  for (const tweet of fake.seed.tweets) tweet.likes = 5
  const second = await scheduledRun(database, workspaceId)
  t.equal(second.status, 'succeeded', second.error ?? '')
  const stored = await storedCounts(database, workspaceId)
  t.equal(stored.get(gone.id)?.likes, 0)
  t.equal(second.stats.refreshed, 29)
})

t.test('engagement that keeps changing between runs: after every run, the counts are the server’s of that moment', async (t) => {
  const { database, fake, workspaceId } = await setup(t)
  const first = await scheduledRun(database, workspaceId)
  t.equal(first.status, 'succeeded', first.error ?? '')
  for (let run = 1; run <= 4; run++) {
    // Each post grows at its own pace; some lose a like or a retweet (undone) between runs.
    fake.seed.tweets.forEach((tweet, n) => Object.assign(tweet, {
      likes: (tweet.likes ?? 0) + ((n * run) % 7) - (n % 9 === 0 && (tweet.likes ?? 0) > 0 ? 1 : 0),
      retweets: (tweet.retweets ?? 0) + (n % 3 === run % 3 ? 2 : 0) - (n % 11 === 0 && (tweet.retweets ?? 0) > 0 ? 1 : 0),
      replies: (tweet.replies ?? 0) + (run % 2), quotes: (tweet.quotes ?? 0) + (n % 5 === 0 ? 1 : 0),
    }))
    const outcome = await scheduledRun(database, workspaceId)
    t.equal(outcome.status, 'succeeded', outcome.error ?? '')
    const stored = await storedCounts(database, workspaceId)
    const current = new Map(fake.seed.tweets.map((tw) => [tw.id, { likes: tw.likes, reposts: tw.retweets, replies: tw.replies, quotes: tw.quotes }]))
    t.same(stored, current, `run ${run + 1}: every matched post has the server’s current counts`)
  }
  const kept = await database.db.selectFrom('post_engagement_readings as r').innerJoin('posts as p', 'p.id', 'r.post_id')
    .select(['p.external_id']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('p.external_id').execute()
  t.ok(kept.length === 30 && kept.every((row) => Number(row.n) === 5), 'a reading per post per run, each kept with its time (velocity)')
})
