import t from 'tap'
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import { ingestBatch } from '../../src/pipeline/ingest/ingest-batch.ts'
import { topicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import type { NormalizedAccount, NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { bearer, buildTestApp, type TestApp } from '../helpers/app.ts'
import { topicWorkspace } from '../helpers/topic-workspace.ts'

type Topic = { id: string; query: string; networks: string[]; languages: string[] }

const account = (network: string, handle: string, followers: number | null): NormalizedAccount => ({
  network, externalId: handle, handle, displayName: null, bio: null, url: null, followersCount: followers, followingCount: 1, postsCount: 1,
})
const post = (key: string, network: string, author: string, at: string, e: { likes?: number; reposts?: number; replies?: number; quotes?: number } = {}): NormalizedPost => ({
  network, externalId: key, authorExternalId: author, createdAt: new Date(at), text: `Mon vélo, épisode ${key}`, lang: 'fr', url: null,
  replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
  likes: e.likes ?? 0, reposts: e.reposts ?? 0, replies: e.replies ?? 0, quotes: e.quotes ?? 0, hashtags: [], mentions: [], links: [],
})

const ACCOUNTS = [account('mastodon', 'alice', 100), account('mastodon', 'bob', null), account('bluesky', 'carol', 0), account('bluesky', 'dave', 400)]
// key, network, author, time, engagement — and the sentiment each post is given (null: unknown).
const DATA: [NormalizedPost, number | null][] = [
  [post('A1', 'mastodon', 'alice', '2026-11-18T10:00:00Z', { likes: 4, reposts: 1 }), 0.6],
  [post('A2', 'mastodon', 'alice', '2026-11-18T20:00:00Z', { likes: 3 }), -0.2],
  [post('A3', 'mastodon', 'bob', '2026-11-19T09:00:00Z', { likes: 6, replies: 2, quotes: 2 }), 0.02],
  [post('B1', 'bluesky', 'carol', '2026-11-19T11:00:00Z', { likes: 2 }), null],
  [post('B2', 'bluesky', 'dave', '2026-11-19T23:59:00Z', { reposts: 8 }), -0.05],
  [post('A0', 'mastodon', 'alice', '2026-11-15T12:00:00Z', { likes: 1 }), 0.1],
  [post('P1', 'mastodon', 'bob', '2026-11-10T12:00:00Z', { likes: 6 }), 0.4],
  [post('P2', 'bluesky', 'carol', '2026-11-08T12:00:00Z'), -0.4],
  [post('X1', 'mastodon', 'alice', '2026-11-20T00:00:00Z', { likes: 100 }), 0.9],
  [post('OLD', 'mastodon', 'alice', '2026-10-01T00:00:00Z', { likes: 100 }), 0.9],
]
const RANGE = 'since=2026-11-18T00:00:00Z&until=2026-11-20T00:00:00Z'

async function ingest(db: Kysely<DB>, topic: Topic, posts: NormalizedPost[]) {
  await db.transaction().execute(async (trx) => ingestBatch(trx, await topicWorkspace(trx, topic.id), { posts, accounts: ACCOUNTS }, [topicMatcher(topic)]))
}

async function setUp(ctx: TestApp): Promise<Topic> {
  const topic = (await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.mine.write), payload: { name: 'Vélo', query: 'vélo' } })).json() as Topic
  await ingest(ctx.database.db, topic, DATA.map(([p]) => p))
  // Sentiments are fixed here so each band's expected count is known exactly.
  for (const [p, sentiment] of DATA) await sql`update posts set sentiment = ${sentiment} where external_id = ${p.externalId}`.execute(ctx.database.db)
  return topic
}

const get = (ctx: TestApp, url: string, headers: Record<string, string> = {}) => ctx.app.inject({ url, headers: { ...bearer(ctx.mine.read), ...headers } })

t.test('stats match the figures worked out by hand', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await setUp(ctx)
  const res = await get(ctx, `/v1/topics/${topic.id}/stats?${RANGE}`)
  t.equal(res.statusCode, 200)
  const stats = res.json()
  t.equal(stats.since, '2026-11-18T00:00:00.000Z')
  t.equal(stats.until, '2026-11-20T00:00:00.000Z')
  // In range: A1 A2 A3 B1 B2 (X1 sits on the exclusive end). Engagement 5 + 3 + 10 + 2 + 8 = 28.
  // Per follower: posts whose author has > 0 followers: A1, A2 (alice, 100), B2 (dave, 400): 16 / 600.
  t.same(stats.totals, {
    mentions: 5, uniqueAuthors: 4,
    engagementRate: { engagement: 28, perPost: 5.6, perFollower: 0.026667, postsWithFollowerCount: 3 },
    sentiment: { negative: { count: 1, share: 0.2 }, neutral: { count: 2, share: 0.4 }, positive: { count: 1, share: 0.2 }, unknown: { count: 1, share: 0.2 } },
  })
  t.same(stats.networks, [
    {
      network: 'mastodon', mentions: 3, share: 0.6, uniqueAuthors: 2,
      engagementRate: { engagement: 18, perPost: 6, perFollower: 0.04, postsWithFollowerCount: 2 },
      sentiment: { negative: { count: 1, share: 0.3333 }, neutral: { count: 1, share: 0.3333 }, positive: { count: 1, share: 0.3333 }, unknown: { count: 0, share: 0 } },
    },
    {
      network: 'bluesky', mentions: 2, share: 0.4, uniqueAuthors: 2,
      engagementRate: { engagement: 10, perPost: 5, perFollower: 0.02, postsWithFollowerCount: 1 },
      sentiment: { negative: { count: 0, share: 0 }, neutral: { count: 1, share: 0.5 }, positive: { count: 0, share: 0 }, unknown: { count: 1, share: 0.5 } },
    },
  ])
  t.same(stats.volume, [
    { start: '2026-11-18T00:00:00.000Z', mentions: 2, byNetwork: { mastodon: 2 } },
    { start: '2026-11-19T00:00:00.000Z', mentions: 3, byNetwork: { mastodon: 1, bluesky: 2 } },
  ])
  // This week [11-13, 11-20): A0 A1 A2 A3 B1 B2; the week before: P1 P2.
  // Mean sentiment this week (0.1 + 0.6 − 0.2 + 0.02 − 0.05) / 5 = 0.094; before (0.4 − 0.4) / 2 = 0.
  t.same(stats.weekOverWeek, {
    currentStart: '2026-11-13T00:00:00.000Z', previousStart: '2026-11-06T00:00:00.000Z',
    mentions: { current: 6, previous: 2, change: 4, changePct: 200 },
    authors: { current: 4, previous: 2, change: 2, changePct: 100 },
    engagement: { current: 29, previous: 6, change: 23, changePct: 383.3 },
    meanSentiment: { current: 0.094, previous: 0, change: 0.094, changePct: null },
  })

  const hourly = (await get(ctx, `/v1/topics/${topic.id}/stats?since=2026-11-19T09:00:00Z&until=2026-11-19T12:00:00Z&granularity=hour`)).json()
  t.same(hourly.volume, [
    { start: '2026-11-19T09:00:00.000Z', mentions: 1, byNetwork: { mastodon: 1 } },
    { start: '2026-11-19T10:00:00.000Z', mentions: 0, byNetwork: {} },
    { start: '2026-11-19T11:00:00.000Z', mentions: 1, byNetwork: { bluesky: 1 } },
  ])
  t.equal(hourly.totals.mentions, 2)

  for (const bad of ['since=2026-11-20T00:00:00Z&until=2026-11-19T00:00:00Z', 'since=2026-01-01T00:00:00Z&until=2026-11-19T00:00:00Z&granularity=hour', 'granularity=week', 'since=2025-01-01T00:00:00Z&until=2026-11-19T00:00:00Z']) {
    const r = await get(ctx, `/v1/topics/${topic.id}/stats?${bad}`)
    t.equal(r.statusCode, 400, bad)
    t.equal(r.headers['content-type'], 'application/problem+json')
  }
  // A default window counted back from a date near year 0 would have no ISO form: refused up front.
  for (const path of ['stats', 'trends', 'network-fit', 'best-hours']) {
    const r = await get(ctx, `/v1/topics/${topic.id}/${path}?until=0000-01-01T00:00:00Z`)
    t.equal(r.statusCode, 400, `${path} with until in year 0`)
    t.match(r.json().detail ?? JSON.stringify(r.json()), /1970/)
  }
})

t.test('the ETag answers 304 until the next ingest or score run, and results are served from memory meanwhile', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await setUp(ctx)
  const url = `/v1/topics/${topic.id}/stats?${RANGE}`
  const first = await get(ctx, url)
  const etag = first.headers.etag as string
  t.match(etag, /^"[\w-]+"$/)
  t.equal(first.headers['cache-control'], 'private, no-cache')

  const notModified = await get(ctx, url, { 'if-none-match': etag })
  t.equal(notModified.statusCode, 304)
  t.equal(notModified.body, '')
  t.equal(notModified.headers.etag, etag)
  t.equal((await get(ctx, url, { 'if-none-match': `"other", W/${etag}` })).statusCode, 304, 'a list and a weak form match too')
  t.equal((await get(ctx, url, { 'if-none-match': '"other"' })).statusCode, 200)
  t.not((await get(ctx, `/v1/topics/${topic.id}/stats?${RANGE}&granularity=hour`)).headers.etag, etag, 'other parameters, other ETag')

  // Engagement changed behind the API's back keeps the version: the cached figures are served.
  await sql`update posts set likes = likes + 1000 where external_id = 'A1'`.execute(ctx.database.db)
  const cached = await get(ctx, url)
  t.equal(cached.headers.etag, etag)
  t.equal(cached.json().totals.engagementRate.engagement, 28, 'served from the cache')

  // An ingest that matches a new post moves the version.
  await ingest(ctx.database.db, topic, [post('NEW', 'mastodon', 'bob', '2026-11-19T15:00:00Z', { likes: 2 })])
  const fresh = await get(ctx, url, { 'if-none-match': etag })
  t.equal(fresh.statusCode, 200)
  t.not(fresh.headers.etag, etag)
  t.equal(fresh.json().totals.mentions, 6)
  t.equal(fresh.json().totals.engagementRate.engagement, 28 + 1000 + 2)

  // So does a score run.
  const afterIngest = fresh.headers.etag as string
  t.equal((await get(ctx, url, { 'if-none-match': afterIngest })).statusCode, 304)
  await scoreTopic(ctx.database.db, topic.id, { now: new Date('2026-11-20T00:00:00Z') })
  t.equal((await get(ctx, url, { 'if-none-match': afterIngest })).statusCode, 200)

  // The other analyses carry ETags too.
  for (const path of ['trends?until=2026-11-20T00:00:00Z', `network-fit?${RANGE}`, `best-hours?${RANGE}&tz=Europe/Paris`]) {
    const r = await get(ctx, `/v1/topics/${topic.id}/${path}`)
    t.equal(r.statusCode, 200, path)
    t.equal((await get(ctx, `/v1/topics/${topic.id}/${path}`, { 'if-none-match': r.headers.etag as string })).statusCode, 304, path)
  }
})

t.test('every analytics route hides another workspace\'s topic', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await setUp(ctx)
  for (const path of ['stats', 'trends', 'network-fit', 'best-hours', 'mentions', 'inbox', 'graph', 'graph?format=gexf']) {
    const res = await ctx.app.inject({ url: `/v1/topics/${topic.id}/${path}`, headers: bearer(ctx.theirs.read) })
    t.equal(res.statusCode, 404, path)
    t.equal(res.headers['content-type'], 'application/problem+json', path)
    t.notOk(res.headers.etag, `${path}: no ETag leaks the version`)
  }
})
