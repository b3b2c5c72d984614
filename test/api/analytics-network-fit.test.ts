import t from 'tap'
import { sql } from 'kysely'
import { ingestBatch } from '../../src/pipeline/ingest/ingest-batch.ts'
import { topicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import { upsertFollows } from '../../src/pipeline/ingest/upsert-follows.ts'
import type { NormalizedAccount, NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { bearer, buildTestApp, type TestApp } from '../helpers/app.ts'
import { topicWorkspace } from '../helpers/topic-workspace.ts'

const END = new Date('2026-11-20T00:00:00Z')
const DAY = 86_400_000
const RANGE = 'since=2026-10-21T00:00:00Z&until=2026-11-20T00:00:00Z'

const account = (network: string, handle: string): NormalizedAccount => ({
  network, externalId: handle, handle, displayName: null, bio: null, url: null, followersCount: 10, followingCount: 1, postsCount: 1,
})
let seq = 0
const post = (network: string, author: string, daysAgo: number, likes: number, extra: Partial<NormalizedPost> = {}): NormalizedPost => ({
  network, externalId: `${network}-${++seq}`, authorExternalId: author, createdAt: new Date(END.getTime() - daysAgo * DAY), text: `Encore du vélo (${seq})`, lang: 'fr', url: null,
  replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
  likes, reposts: 0, replies: 0, quotes: 0, hashtags: [], mentions: [], links: [], ...extra,
})

const M = Array.from({ length: 8 }, (_, i) => `m${i}@m.example`)
const B = Array.from({ length: 6 }, (_, i) => `b${i}.bsky.social`)

async function setUp(ctx: TestApp) {
  const topic = (await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.mine.write), payload: { name: 'Vélo', query: 'vélo' } })).json()
  // Mastodon: 16 posts by 8 people, 10 this week and 6 the week before, 3 likes each; m0 is
  // the one the others answer. Bluesky: 9 posts by 6 people, 3 this week, 4 the week before,
  // 2 earlier in the month, 6 likes each.
  const anchor = post('mastodon', M[0], 8.5, 3)
  const posts: NormalizedPost[] = [anchor]
  for (let i = 0; i < 5; i++) posts.push(post('mastodon', M[(i % 7) + 1], 9 + i * 0.1, 3, { replyToExternalId: anchor.externalId, replyToAuthorExternalId: M[0] }))
  for (let i = 0; i < 10; i++) posts.push(post('mastodon', M[i % 8], 1 + i * 0.3, 3, i % 8 ? { replyToExternalId: anchor.externalId, replyToAuthorExternalId: M[0] } : {}))
  for (let i = 0; i < 3; i++) posts.push(post('bluesky', B[i], 2 + i, 6))
  for (let i = 0; i < 4; i++) posts.push(post('bluesky', B[i + 2], 8 + i, 6))
  for (let i = 0; i < 2; i++) posts.push(post('bluesky', B[i + 4], 20 + i, 6))
  await ctx.database.db.transaction().execute(async (trx) => {
    const workspaceId = await topicWorkspace(trx, topic.id)
    await ingestBatch(trx, workspaceId, { posts, accounts: [...M.map((h) => account('mastodon', h)), ...B.map((h) => account('bluesky', h))] }, [topicMatcher(topic)])
    await upsertFollows(trx, workspaceId, M.slice(1).map((h) => ({ network: 'mastodon', followerExternalId: h, followeeExternalId: M[0] })))
  })
  return topic as { id: string }
}

const fit = async (ctx: TestApp, topicId: string) => (await ctx.app.inject({ url: `/v1/topics/${topicId}/network-fit?${RANGE}`, headers: bearer(ctx.mine.read) })).json()

t.test('network fit ranks where the conversation lives and says why', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await setUp(ctx)

  const before = await fit(ctx, topic.id)
  t.equal(before.scoreRun, null)
  // Shares: mentions 16/25 and 9/25; authors 8/14 and 6/14. Engagement per post 3 and 6.
  // Growth 6 → 10 (+66.7%) and 4 → 3 (−25%). Without scores the influencer weight (0.3) drops out:
  // Mastodon (0.3·0.64 + 0.2·8/14 + 0.1·3/6 + 0.1·(0.5 + 66.7/200)) / 0.7 = 62.8
  // Bluesky  (0.3·0.36 + 0.2·6/14 + 0.1·6/6 + 0.1·(0.5 − 25/200)) / 0.7 = 47.3
  t.match(before.networks, [
    { network: 'mastodon', rank: 1, fitScore: 62.8, mentions: 16, mentionShare: 0.64, uniqueAuthors: 8, authorShare: 0.5714, engagementPerPost: 3, influencers: { top10: 0, top100: 0, density: null }, growth: { currentWeek: 10, previousWeek: 6, changePct: 66.7 } },
    { network: 'bluesky', rank: 2, fitScore: 47.3, mentions: 9, mentionShare: 0.36, uniqueAuthors: 6, authorShare: 0.4286, engagementPerPost: 6, growth: { currentWeek: 3, previousWeek: 4, changePct: -25 } },
  ])
  t.same(before.networks[0].reasons, [
    'Most of the conversation (64%) is on Mastodon.',
    '8 people (57% of the authors) talk about the topic there.',
    'Influencer density is unknown until the topic is scored.',
    'Engagement per post is 3 (6 on Bluesky).',
    'Mentions grew 66.7% week over week (6 → 10).',
  ])
  t.same(before.networks[1].reasons, [
    '36% of the conversation is on Bluesky.',
    '6 people (43% of the authors) talk about the topic there.',
    'Influencer density is unknown until the topic is scored.',
    'Engagement per post is the highest there (6).',
    'Mentions fell 25% week over week (4 → 3).',
  ])
  t.same(before.recommendation, { network: 'mastodon', summary: 'Most of the conversation (64%) is on Mastodon.' })

  const run = await scoreTopic(ctx.database.db, topic.id, { now: END })
  const { rows } = await sql<{ network: string; top10: number; top100: number }>`
    select a.network, count(*) filter (where s.influence_rank <= 10)::int as top10, count(*)::int as top100
    from scores s join accounts a on a.id = s.account_id where s.run_id = ${run.runId} group by a.network`.execute(ctx.database.db)
  const scored = Object.fromEntries(rows.map((r) => [r.network, r]))
  t.equal(scored.mastodon.top100 + scored.bluesky.top100, 14, 'every author was scored')

  const after = await fit(ctx, topic.id)
  t.match(after.scoreRun, { id: run.runId })
  const mastodon = after.networks[0]
  t.match(mastodon, { network: 'mastodon', influencers: { top10: scored.mastodon.top10, top100: 8, density: 0.5714 } })
  t.match(after.networks[1], { network: 'bluesky', influencers: { top10: scored.bluesky.top10, top100: 6, density: 0.4286 } })
  t.equal(mastodon.reasons[2], `${scored.mastodon.top10} of the top 10 influencers and 8 of the top 100 are on Mastodon.`)
  t.same(after.recommendation, { network: 'mastodon', summary: `Most of the conversation (64%) and ${scored.mastodon.top10} of the top 10 influencers are on Mastodon.` })
  // With influencers: (0.3·0.64 + 0.2·8/14 + 0.3·8/14 + 0.1·0.5 + 0.1·0.8335) × 100 = 61.1
  t.equal(mastodon.fitScore, 61.1)
})

t.test('a topic without mentions has no recommendation; another workspace\'s is not found', async (t) => {
  const ctx = await buildTestApp(t)
  const empty = (await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.mine.write), payload: { name: 'Vide', query: 'rien' } })).json()
  const res = await fit(ctx, empty.id)
  t.same(res.networks, [])
  t.equal(res.recommendation, null)
  t.equal((await ctx.app.inject({ url: `/v1/topics/${empty.id}/network-fit`, headers: bearer(ctx.theirs.read) })).statusCode, 404)
})

t.test('a thin sample is named as such: no recommendation, a notice, and the sample sizes', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = (await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.mine.write), payload: { name: 'Vélo', query: 'vélo' } })).json()
  const posts = [...[0, 1, 2, 3, 4, 5].map((i) => post('mastodon', M[i], 1 + i, 2)), post('bluesky', B[0], 2, 50)]
  await ctx.database.db.transaction().execute(async (trx) => ingestBatch(trx, await topicWorkspace(trx, topic.id), { posts, accounts: [...M.map((h) => account('mastodon', h)), account('bluesky', B[0])] }, [topicMatcher(topic)]))
  const res = await fit(ctx, topic.id)
  t.match(res, { mentions: 7, minMentions: 20, minNetworkMentions: 5, enoughData: false, recommendation: null })
  t.match(res.notice, { en: 'Not enough data yet: 7 mentions in the period, at least 20 needed.', fr: /^Pas encore assez de données : 7 mentions/ })
  const bluesky = res.networks.find((n: { network: string }) => n.network === 'bluesky')
  t.match(bluesky, { mentions: 1, enoughData: false, notice: { en: 'Not enough data yet: 1 mention on Bluesky, at least 5 needed.' } })
  t.match(res.networks.find((n: { network: string }) => n.network === 'mastodon'), { mentions: 6, enoughData: true, notice: null })
})
