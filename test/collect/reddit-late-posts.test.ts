import t from 'tap'
import { openTestDatabase } from '../helpers/database.ts'
import { matched, scheduledRun } from '../helpers/bluesky-fidelity.ts'
import { indexedBehindSeen, lateIndexingPlan, runTimes } from '../helpers/late-indexing.ts'
import { listenOn } from '../helpers/network-fidelity.ts'
import { toBase36, type RedditSeedPost } from '../fakes/reddit/seed.ts'
import { startRedditFake } from '../fakes/reddit/server.ts'

const users = [0, 1, 2].map((i) => ({ id: toBase36(800_000 + i), name: `voix_${i}` }))
const seconds = (ms: number) => Math.floor(ms / 1000)

t.test('posts Reddit search indexes late, dated before posts already collected, are all collected by the next runs', async (t) => {
  const database = await openTestDatabase(t)
  const startMs = Date.now() - 3 * 60 * 60_000
  let clock = startMs
  const plan = lateIndexingPlan(startMs)
  const posts: RedditSeedPost[] = plan.map((post, i) => ({
    id: toBase36(3_000_000_000 + i), subreddit: 'france', title: post.text, author: users[post.n % 3].name,
    createdUtc: seconds(post.createdMs), indexedUtc: seconds(post.indexedMs), score: 1, numComments: 0,
  }))
  // Written half an hour in, indexed more than an hour later: far beyond any run's overlap.
  const stranded = { id: toBase36(3_100_000_000), subreddit: 'france', title: 'Un avis perdu sur le velo', author: users[0].name, createdUtc: seconds(startMs + 30 * 60_000 + 1000), indexedUtc: seconds(startMs + 95 * 60_000) }
  const fake = await startRedditFake({ seed: { users, posts: [...posts, stranded] }, now: () => clock })
  t.teardown(fake.close)
  const { workspaceId, topicIds } = await listenOn(database, {
    network: 'reddit', baseUrl: fake.url, settings: { tokenUrl: `${fake.url}/api/v1/access_token` },
    credentials: { clientId: 'fake-client-id', clientSecret: 'fake-client-secret' },
  })

  const runs = runTimes(startMs)
  const late = indexedBehindSeen(plan, runs)
  t.ok(late.length >= 10, `${late.length} posts are indexed behind a newer post a run already collected`)
  for (const at of runs) {
    clock = at
    const outcome = await scheduledRun(database, workspaceId)
    t.equal(outcome.status, 'succeeded', outcome.error ?? '')
  }

  for (const [topic, topicId] of topicIds.entries()) {
    const expected = posts.filter((_, i) => plan[i].topic === topic).map((p) => `t3_${p.id}`).sort()
    t.same(await matched(database, topicId), expected, `every post of topic ${topic}, late or not, and no other`)
  }
  const all = new Set((await Promise.all(topicIds.map((id) => matched(database, id)))).flat())
  t.ok(late.every((post) => all.has(`t3_${posts[plan.indexOf(post)].id}`)), 'the posts indexed behind seen ones among them')
  t.notOk(all.has(`t3_${stranded.id}`), 'indexed over an hour late: beyond the 15-minute overlap (out of reach by design)')
  // Posts read again in the overlap are absorbed by the unique keys, not duplicated.
  const counts = await database.db.selectFrom('posts').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('external_id').distinct().as('distinct')])
    .where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()
  t.equal(Number(counts.n), posts.length)
  t.equal(Number(counts.distinct), posts.length)
})
