import t from 'tap'
import { openTestDatabase } from '../helpers/database.ts'
import { scheduledRun, TOPIC_WORDS } from '../helpers/bluesky-fidelity.ts'
import { latestReadings, listenOn, storedCounts } from '../helpers/network-fidelity.ts'
import { toBase36, type RedditSeed } from '../fakes/reddit/seed.ts'
import { startRedditFake } from '../fakes/reddit/server.ts'

/** Ten posts per topic word, the newest a minute old, ten minutes apart, no votes yet. */
function seed(): RedditSeed {
  const users = [0, 1, 2].map((i) => ({ id: toBase36(700_000 + i), name: `voix_${i}` }))
  const posts = TOPIC_WORDS.flatMap((word, w) => Array.from({ length: 10 }, (_, i) => ({
    id: toBase36(2_000_000_000 + w * 100 + i), subreddit: 'france', title: `Un avis sur le ${word}, numéro ${i}`,
    author: users[(i + w) % 3].name, createdUtc: Math.floor(Date.now() / 1000) - (1 + i * 10 + w) * 60, score: 1, numComments: 0,
  })))
  return { users, posts }
}

async function setup(t: Parameters<typeof openTestDatabase>[0] & { teardown(fn: () => unknown): void }) {
  const database = await openTestDatabase(t)
  const fake = await startRedditFake({ seed: seed() })
  t.teardown(fake.close)
  const listening = await listenOn(database, {
    network: 'reddit', baseUrl: fake.url, settings: { tokenUrl: `${fake.url}/api/v1/access_token` },
    credentials: { clientId: 'fake-client-id', clientSecret: 'fake-client-secret' },
  })
  return { database, fake, ...listening }
}

t.test('after a run, every matched Reddit post younger than the window has the server’s current score and comments', async (t) => {
  const { database, fake, workspaceId } = await setup(t)
  const first = await scheduledRun(database, workspaceId)
  t.equal(first.status, 'succeeded', first.error ?? '')

  // Votes and comments come in after the first read; one post is voted below zero.
  fake.seed.posts.forEach((post, n) => Object.assign(post, { score: n === 0 ? -4 : n * 5 + 2, numComments: n % 6 }))
  const before = fake.requests.length
  const second = await scheduledRun(database, workspaceId)
  t.equal(second.status, 'succeeded', second.error ?? '')

  const stored = await storedCounts(database, workspaceId)
  t.equal(stored.size, 30, 'ten matched posts per topic in the window')
  const readings = await latestReadings(database, workspaceId)
  for (const post of fake.seed.posts) {
    // Score stands for likes (never below zero), comments for replies.
    const now = { likes: Math.max(0, post.score ?? 0), reposts: 0, replies: post.numComments, quotes: 0 }
    t.same(stored.get(`t3_${post.id}`), now, post.id)
    t.same(readings.get(`t3_${post.id}`), now, `read by the refresh: ${post.id}`)
  }
  // /api/info takes 100 fullnames: the 30 posts of the source are one request.
  const infos = fake.requests.slice(before).filter((r) => r.path === '/api/info')
  t.equal(infos.length, 1)
  t.equal(infos[0].query.get('id')?.split(',').length, 30)
  t.ok(infos[0].query.get('id')?.split(',').every((name) => name.startsWith('t3_')), 'asked by fullname')
  t.equal(second.stats.refreshRequests, 1)
  t.equal(second.stats.refreshed, 30)
})

t.test('the Reddit refresh stays within its request cap', async (t) => {
  const { database, fake, workspaceId } = await setup(t)
  for (let i = 0; i < 150; i++) {
    fake.seed.posts.push({ id: toBase36(2_100_000_000 + i), subreddit: 'france', title: `Encore le velo ${i}`, author: 'voix_0', createdUtc: Math.floor(Date.now() / 1000) - (40 + i) * 60, score: 1 })
  }
  await scheduledRun(database, workspaceId, { refreshRequests: 1 })
  for (const post of fake.seed.posts) post.score = 9
  const before = fake.requests.length
  const capped = await scheduledRun(database, workspaceId, { refreshRequests: 1 })
  const infos = fake.requests.slice(before).filter((r) => r.path === '/api/info')
  t.equal(infos.length, 1)
  t.equal(infos[0].query.get('id')?.split(',').length, 100)
  t.equal(capped.stats.refreshed, 100)
  t.equal(fake.overLimit, 0)
})

t.test('votes and comments that keep changing between runs: after every run, the counts are Reddit’s of that moment', async (t) => {
  const { database, fake, workspaceId } = await setup(t)
  const first = await scheduledRun(database, workspaceId)
  t.equal(first.status, 'succeeded', first.error ?? '')
  for (let run = 1; run <= 4; run++) {
    // Scores rise and fall (downvotes), comments come in and some are removed.
    fake.seed.posts.forEach((post, n) => Object.assign(post, {
      score: (post.score ?? 0) + ((n * run) % 9) - (n % 4 === run % 4 ? 6 : 0),
      numComments: Math.max(0, (post.numComments ?? 0) + (n % 3) - (run === 3 && n % 5 === 0 ? 1 : 0)),
    }))
    const outcome = await scheduledRun(database, workspaceId)
    t.equal(outcome.status, 'succeeded', outcome.error ?? '')
    const stored = await storedCounts(database, workspaceId)
    const current = new Map(fake.seed.posts.map((p) => [`t3_${p.id}`, { likes: Math.max(0, p.score ?? 0), reposts: 0, replies: p.numComments ?? 0, quotes: 0 }]))
    t.same(stored, current, `run ${run + 1}: every matched post has Reddit’s current score and comments`)
  }
  t.ok(fake.seed.posts.some((p) => (p.score ?? 0) < 0), 'some scores went below zero on the way (kept at zero likes)')
})
