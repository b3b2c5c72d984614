import t from 'tap'
import { openTestDatabase } from '../helpers/database.ts'
import { matched, scheduledRun } from '../helpers/bluesky-fidelity.ts'
import { indexedBehindSeen, lateIndexingPlan, runTimes } from '../helpers/late-indexing.ts'
import { listenOn } from '../helpers/network-fidelity.ts'
import { snowflake, type XSeedTweet } from '../fakes/x/seed.ts'
import { startXFake } from '../fakes/x/server.ts'

const users = [0, 1, 2].map((i) => ({ id: String(5_000_000 + i), username: `voix${i}`, name: `Voix ${i}` }))

t.test('posts X search indexes late, with ids older than posts already collected, are all collected by the next runs', async (t) => {
  const database = await openTestDatabase(t)
  const startMs = Date.now() - 3 * 60 * 60_000
  let clock = startMs
  const plan = lateIndexingPlan(startMs)
  const tweets: XSeedTweet[] = plan.map((post, i) => ({
    id: snowflake(post.createdMs, i), authorId: users[post.n % 3].id, text: post.text,
    createdAt: new Date(post.createdMs).toISOString(), indexedAt: new Date(post.indexedMs).toISOString(),
  }))
  // Written half an hour in, indexed more than an hour later: far beyond any run's overlap.
  const stranded = { id: snowflake(startMs + 30 * 60_000 + 1000, 4095), authorId: users[0].id, text: 'Un avis perdu sur le velo', createdAt: new Date(startMs + 30 * 60_000 + 1000).toISOString(), indexedAt: new Date(startMs + 95 * 60_000).toISOString() }
  const fake = await startXFake({ seed: { users, tweets: [...tweets, stranded], follows: [] }, now: () => clock })
  t.teardown(fake.close)
  const { workspaceId, topicIds } = await listenOn(database, { network: 'x', baseUrl: fake.url, credentials: { bearerToken: 'fake-bearer-token' } })

  const runs = runTimes(startMs)
  const late = indexedBehindSeen(plan, runs)
  t.ok(late.length >= 10, `${late.length} posts are indexed behind a newer post a run already collected`)
  for (const at of runs) {
    clock = at
    const outcome = await scheduledRun(database, workspaceId)
    t.equal(outcome.status, 'succeeded', outcome.error ?? '')
  }

  for (const [topic, topicId] of topicIds.entries()) {
    const expected = tweets.filter((_, i) => plan[i].topic === topic).map((tw) => tw.id).sort()
    t.same(await matched(database, topicId), expected, `every post of topic ${topic}, late or not, and no other`)
  }
  const all = new Set((await Promise.all(topicIds.map((id) => matched(database, id)))).flat())
  t.ok(late.every((post) => all.has(tweets[plan.indexOf(post)].id)), 'the posts indexed behind seen ones among them')
  t.notOk(all.has(stranded.id), 'indexed over an hour late: beyond the 15-minute overlap (out of reach by design)')
  // Posts read again in the overlap are absorbed by the unique keys, not duplicated.
  const counts = await database.db.selectFrom('posts').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('external_id').distinct().as('distinct')])
    .where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()
  t.equal(Number(counts.n), tweets.length)
  t.equal(Number(counts.distinct), tweets.length)
})
