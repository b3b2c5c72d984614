import t from 'tap'
import { sql } from 'kysely'
import { ingestBatch } from '../../src/ingest/ingest-batch.ts'
import { topicMatcher } from '../../src/ingest/topic-matchers.ts'
import type { NormalizedAccount, NormalizedPost } from '../../src/networks/model.ts'
import { bearer, buildTestApp, type TestApp } from '../helpers/app.ts'

const END = new Date('2026-11-20T00:00:00Z').getTime()
const DAY = 86_400_000

const account = (network: string, handle: string): NormalizedAccount => ({
  network, externalId: handle, handle, displayName: null, bio: null, url: null, followersCount: 1, followingCount: 1, postsCount: 1,
})

let seq = 0
/** `count` posts using `tag` in window `w` (0 = the recent 7 days, 1–4 = the four weeks before). */
function posts(network: string, tag: string, w: number, count: number, extraText = ''): NormalizedPost[] {
  return Array.from({ length: count }, (_, i) => ({
    network, externalId: `${network}-${tag}-${w}-${i}-${++seq}`, authorExternalId: `author${i % 5}`,
    createdAt: new Date(END - w * 7 * DAY - (1 + (i % 5)) * DAY), text: `Sortie vélo du jour${extraText} #${tag}`, lang: 'fr', url: null,
    replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
    likes: 0, reposts: 0, replies: 0, quotes: 0, hashtags: [], mentions: [], links: [],
  }))
}

async function setUp(ctx: TestApp) {
  const topic = (await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.mine.write), payload: { name: 'Vélo', query: 'vélo' } })).json()
  const planted: NormalizedPost[] = [
    // rising: 1 a week before, 10 now — and the word "grève" with it.
    ...[1, 2, 3, 4].flatMap((w) => posts('mastodon', 'rising', w, 1, ', grève')), ...posts('mastodon', 'rising', 0, 10, ', grève'),
    // flat: 5 every week.
    ...[0, 1, 2, 3, 4].flatMap((w) => posts('mastodon', 'flat', w, 5)),
    // brand new: 3 now, never before; too rare: 2 now.
    ...posts('mastodon', 'newtag', 0, 3), ...posts('mastodon', 'rare', 0, 2),
    // falling: 10 a week before, 2 now (keeps the overall volume, hence common words, flat).
    ...[1, 2, 3, 4].flatMap((w) => posts('mastodon', 'falling', w, 10)), ...posts('mastodon', 'falling', 0, 2),
    // older than the baseline: does not count.
    ...posts('mastodon', 'rare', 6, 30),
    // Bluesky has its own rising tag; "rising" is not used there.
    ...posts('bluesky', 'bsky', 0, 4), ...[0, 1, 2, 3, 4].flatMap((w) => posts('bluesky', 'steady', w, 3)),
  ]
  const authors = ['mastodon', 'bluesky'].flatMap((n) => [0, 1, 2, 3, 4].map((i) => account(n, `author${i}`)))
  await ctx.database.db.transaction().execute((trx) => ingestBatch(trx, { posts: planted, accounts: authors }, [topicMatcher(topic)]))
  return topic as { id: string }
}

t.test('trends find the planted rising hashtag and term, not the flat or falling ones', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await setUp(ctx)
  const res = await ctx.app.inject({ url: `/v1/topics/${topic.id}/trends?until=2026-11-20T00:00:00Z&window=7d`, headers: bearer(ctx.mine.read) })
  t.equal(res.statusCode, 200)
  const trends = res.json()
  t.match(trends, { window: '7d', recentStart: '2026-11-13T00:00:00.000Z', end: '2026-11-20T00:00:00.000Z', baselineStart: '2026-10-16T00:00:00.000Z', baselineWindows: 4, minCount: 3, minScore: 2 })
  const mastodon = trends.networks.find((n: { network: string }) => n.network === 'mastodon')
  const bluesky = trends.networks.find((n: { network: string }) => n.network === 'bluesky')
  t.equal(mastodon.recentMentions, 10 + 5 + 3 + 2 + 2)
  // rising: baseline 4 / 4 = 1, score (10 − 1) / √2 = 6.36; newtag: baseline 0, score 3 / √1 = 3.
  t.same(mastodon.hashtags, [
    { value: 'rising', recent: 10, baseline: 1, score: 6.36, changePct: 900 },
    { value: 'newtag', recent: 3, baseline: 0, score: 3, changePct: null },
  ])
  const { rows } = await sql<{ lexeme: string }>`select lexeme from unnest(to_tsvector('french', 'grève')) as v(lexeme, positions, weights)`.execute(ctx.database.db)
  t.same(mastodon.terms.map((x: { value: string }) => x.value).filter((v: string) => v === rows[0].lexeme || v === 'vélo' || v === 'sort'), [rows[0].lexeme], 'the word planted with the rising tag rises; the words every post uses do not')
  t.match(mastodon.terms[0], { value: rows[0].lexeme, recent: 10, baseline: 1, score: 6.36 })
  t.same(bluesky.hashtags, [{ value: 'bsky', recent: 4, baseline: 0, score: 4, changePct: null }], 'per network: Bluesky has its own trend')

  const onlyBluesky = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/trends?until=2026-11-20T00:00:00Z&network=bluesky`, headers: bearer(ctx.mine.read) })).json()
  t.same(onlyBluesky.networks.map((n: { network: string }) => n.network), ['bluesky'])
  const lenient = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/trends?until=2026-11-20T00:00:00Z&minCount=2&minScore=1.5&limit=5`, headers: bearer(ctx.mine.read) })).json()
  t.same(lenient.networks.find((n: { network: string }) => n.network === 'mastodon').hashtags.map((h: { value: string }) => h.value), ['rising', 'newtag', 'rare'], 'rare counts once the minimum allows it')

  for (const bad of ['window=0d', 'window=31d', 'window=7w', 'minCount=0', 'limit=51']) {
    const r = await ctx.app.inject({ url: `/v1/topics/${topic.id}/trends?${bad}`, headers: bearer(ctx.mine.read) })
    t.equal(r.statusCode, 400, bad)
  }
})

t.test('a shorter window compares against its own baseline', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await setUp(ctx)
  // 24h ending at 11-19 00:00: the recent day holds the 2nd-day posts of window 0.
  const res = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/trends?until=2026-11-19T00:00:00Z&window=24h&minCount=1&minScore=0`, headers: bearer(ctx.mine.read) })).json()
  t.equal(res.recentStart, '2026-11-18T00:00:00.000Z')
  t.equal(res.baselineStart, '2026-11-14T00:00:00.000Z')
  const rising = res.networks.find((n: { network: string }) => n.network === 'mastodon').hashtags.find((h: { value: string }) => h.value === 'rising')
  // Posts i = 0 and 5 of the 10 "rising" ones sit 1 day before the end: 11-19 − 1 day = 11-18 (recent); i = 1, 6 on 11-17, …, i = 3, 8 on 11-15 (baseline).
  t.match(rising, { recent: 2, baseline: 1.5 })
})

t.test('another workspace\'s topic has no trends', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await setUp(ctx)
  t.equal((await ctx.app.inject({ url: `/v1/topics/${topic.id}/trends`, headers: bearer(ctx.theirs.read) })).statusCode, 404)
})
