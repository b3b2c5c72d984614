import t from 'tap'
import { ingestBatch } from '../../src/pipeline/ingest/ingest-batch.ts'
import { topicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import type { NormalizedAccount, NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { generateBestHoursWorld, type BestHoursWorld } from '../fixtures/planted-best-hours.ts'
import { bearer, buildTestApp, type TestApp } from '../helpers/app.ts'
import { topicWorkspace } from '../helpers/topic-workspace.ts'

const RANGE = 'since=2026-07-01T00:00:00Z&until=2026-11-20T00:00:00Z'

const account = (network: string, handle: string): NormalizedAccount => ({
  network, externalId: handle, handle, displayName: null, bio: null, url: null, followersCount: 10, followingCount: 1, postsCount: 1,
})
let seq = 0
const post = (network: string, at: string, likes: number): NormalizedPost => ({
  network, externalId: `${network}-${++seq}`, authorExternalId: 'poster', createdAt: new Date(at), text: 'Un tour à vélo', lang: 'fr', url: null,
  replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
  likes, reposts: 0, replies: 0, quotes: 0, hashtags: [], mentions: [], links: [],
})

async function setUp(ctx: TestApp) {
  const topic = (await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.mine.write), payload: { name: 'Vélo', query: 'vélo' } })).json()
  const posts = [
    // Tuesday 17 Nov, 17:xx UTC = 18:xx in Paris (winter, UTC+1); 10 likes each.
    post('mastodon', '2026-11-17T17:05:00Z', 10), post('mastodon', '2026-11-17T17:30:00Z', 10), post('mastodon', '2026-11-17T17:55:00Z', 10),
    // Tuesday 14 July, 16:20 UTC = 18:20 in Paris (summer, UTC+2).
    post('bluesky', '2026-07-14T16:20:00Z', 10),
    // Wednesday 18 Nov, 07:xx UTC = 08:xx in Paris; 2 likes each.
    post('mastodon', '2026-11-18T07:00:00Z', 2), post('mastodon', '2026-11-18T07:10:00Z', 2), post('mastodon', '2026-11-18T07:59:59Z', 2),
    // Sunday 15 Nov 23:30 UTC = Monday 00:30 in Paris: one very liked post, too few to rank.
    post('mastodon', '2026-11-15T23:30:00Z', 100),
  ]
  await ctx.database.db.transaction().execute(async (trx) => ingestBatch(trx, await topicWorkspace(trx, topic.id), { posts, accounts: [account('mastodon', 'poster'), account('bluesky', 'poster')] }, [topicMatcher(topic)]))
  return topic as { id: string }
}

const MON = 0, TUE = 1, WED = 2, SUN = 6
const bestHours = async (ctx: TestApp, topicId: string, query: string) => ctx.app.inject({ url: `/v1/topics/${topicId}/best-hours?${RANGE}&${query}`, headers: bearer(ctx.mine.read) })

t.test('best hours read in the requested time zone, daylight saving included', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await setUp(ctx)

  const paris = (await bestHours(ctx, topic.id, 'tz=Europe/Paris')).json()
  t.equal(paris.timeZone, 'Europe/Paris')
  const all = paris.networks.find((n: { network: string }) => n.network === 'all')
  t.equal(all.posts, 8)
  const grid = all.hourOfWeek
  t.equal(grid.posts.length, 7)
  t.ok(grid.posts.every((day: number[]) => day.length === 24))
  t.equal(grid.posts[TUE][18], 4, 'the November 17:xx UTC posts and the July 16:20 UTC post are all 18:xx in Paris')
  t.equal(grid.engagementPerPost[TUE][18], 10)
  t.equal(grid.posts[WED][8], 3)
  t.equal(grid.engagementPerPost[WED][8], 2)
  t.equal(grid.posts[MON][0], 1, 'Sunday 23:30 UTC is Monday 00:30 in Paris')
  t.equal(grid.posts.flat().reduce((a: number, b: number) => a + b, 0), 8)
  t.equal(grid.engagementPerPost[TUE][17], null, 'an hour without posts has no rate')
  t.same(all.bestSlots, [], 'eight posts recommend no hour')
  t.match(all, { enoughData: false, notice: { en: 'Not enough data yet: 8 posts in the period, at least 50 needed.', fr: /Pas encore assez de données : 8 publications/ } })
  const mastodon = paris.networks.find((n: { network: string }) => n.network === 'mastodon')
  const bluesky = paris.networks.find((n: { network: string }) => n.network === 'bluesky')
  t.equal(mastodon.hourOfWeek.posts[TUE][18], 3)
  t.equal(bluesky.hourOfWeek.posts[TUE][18], 1)

  const utc = (await bestHours(ctx, topic.id, 'tz=UTC')).json().networks.find((n: { network: string }) => n.network === 'all')
  t.equal(utc.hourOfWeek.posts[TUE][17], 3)
  t.equal(utc.hourOfWeek.posts[TUE][16], 1)
  t.equal(utc.hourOfWeek.posts[SUN][23], 1)
  t.equal(utc.enoughData, false)

  const newYork = (await bestHours(ctx, topic.id, 'tz=America/New_York')).json().networks.find((n: { network: string }) => n.network === 'all')
  t.equal(newYork.hourOfWeek.posts[TUE][12], 4, '17:xx UTC in November (EST) and 16:20 UTC in July (EDT) are both 12:xx in New York')
  t.equal(newYork.hourOfWeek.posts[SUN][18], 1)

  const onlyBluesky = (await bestHours(ctx, topic.id, 'tz=Europe/Paris&network=bluesky&minPosts=1')).json()
  t.same(onlyBluesky.networks.map((n: { network: string }) => n.network), ['all', 'bluesky'])
  t.same(onlyBluesky.networks[0].bestSlots, [])
})

t.test('an unknown time zone is refused', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await setUp(ctx)
  for (const tz of ['Mars/Olympus_Mons', 'UTC+3', '+01:00', 'Europe/Paris;drop', '']) {
    const res = await bestHours(ctx, topic.id, `tz=${encodeURIComponent(tz)}`)
    t.equal(res.statusCode, 400, `tz=${tz}`)
    t.equal(res.json().code, 'validation_failed')
  }
  t.equal((await ctx.app.inject({ url: `/v1/topics/${topic.id}/best-hours`, headers: bearer(ctx.theirs.read) })).statusCode, 404)
})

const PLANTED: BestHoursWorld = {
  seed: 7, network: 'mastodon', start: new Date('2026-10-05T00:00:00Z'), weeks: 6, postsPerHour: 1.2, meanEngagement: 3,
  planted: { dayIndex: TUE, hour: 17, posts: 36, meanEngagement: 9 },
  lucky: { dayIndex: SUN, hour: 23, posts: 3, engagement: 30 },
}

t.test('a planted best hour comes first; a slot with three lucky posts does not', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = (await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.mine.write), payload: { name: 'Vélo', query: 'vélo' } })).json()
  const world = generateBestHoursWorld(PLANTED)
  await ctx.database.db.transaction().execute(async (trx) => ingestBatch(trx, await topicWorkspace(trx, topic.id), world, [topicMatcher(topic)]))
  const res = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/best-hours?since=2026-10-01T00:00:00Z&until=2026-11-20T00:00:00Z&tz=UTC&minPosts=1`, headers: bearer(ctx.mine.read) })).json()
  const all = res.networks.find((n: { network: string }) => n.network === 'all')
  t.equal(all.enoughData, true)
  t.equal(all.notice, null)
  t.same([all.bestSlots[0].day, all.bestSlots[0].hour], ['tuesday', 17], `the planted hour leads: ${JSON.stringify(all.bestSlots.slice(0, 3))}`)
  const lucky = all.hourOfWeek
  t.equal(lucky.engagementPerPost[SUN][23], 30, 'measured, the lucky hour has the highest mean')
  t.ok(lucky.expectedEngagementPerPost[SUN][23] < all.bestSlots[0].expectedEngagementPerPost, 'shrunk, it falls behind the planted hour')
  t.ok(all.priorPosts > 0)
  // The documented formula, recomputed from the published figures.
  const best = all.bestSlots[0]
  const recomputed = (best.posts * best.engagementPerPost + all.priorPosts * all.meanEngagementPerPost) / (best.posts + all.priorPosts)
  t.ok(Math.abs(recomputed - best.expectedEngagementPerPost) < 0.01, `${recomputed} ≈ ${best.expectedEngagementPerPost}`)
})
