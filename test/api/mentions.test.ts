import t from 'tap'
import type { Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import { ingestBatch } from '../../src/pipeline/ingest/ingest-batch.ts'
import { topicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import type { NormalizedAccount, NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { bearer, buildTestApp, type TestApp } from '../helpers/app.ts'
import { topicWorkspace } from '../helpers/topic-workspace.ts'

const T = new Date('2026-11-20T12:00:00Z').getTime()
const HOUR = 3_600_000

const account = (network: string, handle: string, followers: number | null = 100): NormalizedAccount => ({
  network, externalId: handle, handle, displayName: handle.split(/[@.]/)[0].toUpperCase(), bio: null, url: `https://${network}.example/${handle}`,
  followersCount: followers, followingCount: 1, postsCount: 1,
})
const post = (network: string, key: string, author: string, hoursAgo: number, text: string, lang: string, extra: Partial<NormalizedPost> = {}): NormalizedPost => ({
  network, externalId: key, authorExternalId: author, createdAt: new Date(T - hoursAgo * HOUR), text, lang, url: `https://${network}.example/p/${key}`,
  replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
  likes: 0, reposts: 0, replies: 0, quotes: 0, hashtags: [], mentions: [], links: [], ...extra,
})

async function ingest(db: Kysely<DB>, topic: { id: string; query: string; networks: string[]; languages: string[] }, posts: NormalizedPost[], accounts: NormalizedAccount[]) {
  await db.transaction().execute(async (trx) => ingestBatch(trx, await topicWorkspace(trx, topic.id), { posts, accounts }, [topicMatcher(topic)]))
}

async function createTopic(ctx: TestApp, name = 'Vélo') {
  const res = await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.mine.write), payload: { name, query: '#velo OR vélo OR bike' } })
  return res.json() as { id: string; query: string; networks: string[]; languages: string[] }
}

// Six posts on two networks and two languages; the keys say what each is.
const ACCOUNTS = [account('mastodon', 'alice@m.example', 250), account('mastodon', 'bob@m.example', null), account('bluesky', 'carol.bsky.social', 40), account('bluesky', 'dave.bsky.social', 1000)]
const POSTS = [
  post('mastodon', 'p1-praise-fr', 'alice@m.example', 1, 'Les vélos électriques sont super, j\'adore ! #velo', 'fr', { likes: 10, reposts: 2 }),
  post('mastodon', 'p2-complaint-fr', 'bob@m.example', 2, 'Service horrible, vélo cassé, je suis furieux #velo', 'fr', { likes: 1 }),
  post('mastodon', 'p3-question-fr', 'alice@m.example', 3, 'Où garer mon vélo à Lyon ? #velo #lyon', 'fr', { likes: 3, replies: 4 }),
  post('bluesky', 'p4-complaint-en', 'carol.bsky.social', 4, 'My bike is terrible and broken, awful service #velo', 'en'),
  post('bluesky', 'p5-praise-en', 'dave.bsky.social', 5, 'Great ride today, love my bike #velo #Sunday', 'en', { likes: 50, reposts: 10 }),
  post('bluesky', 'p6-question-en', 'carol.bsky.social', 6, 'How do I fix a flat tyre on my bike? #velo', 'en', { likes: 2 }),
]

interface Item { id: string; url: string; createdAt: string; engagement: { total: number } }
const keys = (items: Item[]) => items.map((i) => i.url.split('/p/')[1])

async function feed(ctx: TestApp, topicId: string, query: string) {
  const res = await ctx.app.inject({ url: `/v1/topics/${topicId}/mentions${query ? `?${query}` : ''}`, headers: bearer(ctx.mine.read) })
  return res
}

t.test('each filter of the mention feed', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await createTopic(ctx)
  await ingest(ctx.database.db, topic, POSTS, ACCOUNTS)
  // What enrichment stored, read straight from the table: the expected sets for sentiment and questions.
  const stored = await ctx.database.db.selectFrom('posts').select(['external_id', 'sentiment', 'is_question', 'author_id']).where('external_id', 'in', POSTS.map((p) => p.externalId)).execute()
  const newestFirst = POSTS.map((p) => p.externalId)
  const expect = (keep: (r: (typeof stored)[number]) => boolean) => newestFirst.filter((k) => keep(stored.find((r) => r.external_id === k)!))

  const cases: [string, string[]][] = [
    ['', newestFirst],
    ['network=bluesky', ['p4-complaint-en', 'p5-praise-en', 'p6-question-en']],
    [`since=${new Date(T - 3 * HOUR).toISOString()}&until=${new Date(T - HOUR).toISOString()}`, ['p2-complaint-fr', 'p3-question-fr']],
    ['since=2026-11-20T08:30:00%2B01:00', ['p1-praise-fr', 'p2-complaint-fr', 'p3-question-fr', 'p4-complaint-en']],
    ['language=en', ['p4-complaint-en', 'p5-praise-en', 'p6-question-en']],
    ['sentimentMin=0.5', expect((r) => r.sentiment !== null && r.sentiment >= 0.5)],
    ['sentimentMax=-0.5', expect((r) => r.sentiment !== null && r.sentiment <= -0.5)],
    ['sentimentMin=-0.2&sentimentMax=0.2', expect((r) => r.sentiment !== null && r.sentiment >= -0.2 && r.sentiment <= 0.2)],
    ['author=alice@m.example', ['p1-praise-fr', 'p3-question-fr']],
    ['author=%40ALICE@M.example', ['p1-praise-fr', 'p3-question-fr']],
    [`author=${stored.find((r) => r.external_id === 'p4-complaint-en')!.author_id}`, ['p4-complaint-en', 'p6-question-en']],
    ['hashtag=lyon', ['p3-question-fr']],
    ['hashtag=%23Sunday', ['p5-praise-en']],
    ['hasQuestion=true', expect((r) => r.is_question)],
    ['hasQuestion=false', expect((r) => !r.is_question)],
    ['network=mastodon&hasQuestion=true', ['p3-question-fr']],
    ['sort=engaged', ['p5-praise-en', 'p1-praise-fr', 'p3-question-fr', 'p6-question-en', 'p2-complaint-fr', 'p4-complaint-en']],
  ]
  t.same(expect((r) => r.sentiment !== null && r.sentiment >= 0.5), ['p1-praise-fr', 'p5-praise-en'], 'the dataset has the sentiments the cases need')
  t.same(expect((r) => r.is_question), ['p3-question-fr', 'p6-question-en'])
  for (const [query, expected] of cases) {
    const res = await feed(ctx, topic.id, query)
    t.equal(res.statusCode, 200, query)
    t.same(keys(res.json().items), expected, query || 'no filter')
  }

  const first = (await feed(ctx, topic.id, 'limit=1')).json().items[0]
  t.match(first, {
    network: 'mastodon', url: 'https://mastodon.example/p/p1-praise-fr', text: 'Les vélos électriques sont super, j\'adore ! #velo', createdAt: new Date(T - HOUR).toISOString(), lang: 'fr',
    author: { handle: 'alice@m.example', displayName: 'ALICE', url: 'https://mastodon.example/alice@m.example', followersCount: 250 },
    engagement: { likes: 10, reposts: 2, replies: 0, quotes: 0, total: 12 },
    isQuestion: false, hashtags: ['velo'],
  })
  t.match(first.id, /^\d+$/)
  t.ok(first.matchedTerms.length > 0, `matched terms: ${first.matchedTerms}`)
  t.equal(first.sentiment, Math.round(stored.find((r) => r.external_id === 'p1-praise-fr')!.sentiment! * 1000) / 1000)
})

t.test('full-text search stems in the post\'s language, singular and plural alike', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await createTopic(ctx)
  await ingest(ctx.database.db, topic, POSTS, ACCOUNTS)
  const cases: [string, string[]][] = [
    ['vélo', ['p1-praise-fr', 'p2-complaint-fr', 'p3-question-fr']],
    ['vélos', ['p1-praise-fr', 'p2-complaint-fr', 'p3-question-fr']],
    ['électrique', ['p1-praise-fr']],
    ['cassés', ['p2-complaint-fr']],
    ['bikes', ['p4-complaint-en', 'p5-praise-en', 'p6-question-en']],
    ['"flat tyre"', ['p6-question-en']],
    ['"tyre flat"', []],
    ['bike -terrible', ['p5-praise-en', 'p6-question-en']],
    ['garer OR ride', ['p3-question-fr', 'p5-praise-en']],
    ['"vélos électriques"', ['p1-praise-fr']],
    ['les', ['p1-praise-fr']],
  ]
  for (const [q, expected] of cases) {
    const res = await feed(ctx, topic.id, `q=${encodeURIComponent(q)}`)
    t.equal(res.statusCode, 200, q)
    t.same(keys(res.json().items), expected, `q=${q}`)
  }
})

t.test('the cursor walks the feed without skipping or repeating while posts keep arriving', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await createTopic(ctx)
  const authors = [account('mastodon', 'walker@m.example')]
  // 30 posts, two per timestamp: the post id breaks the ties.
  const original = Array.from({ length: 30 }, (_, i) => post('mastodon', `orig-${i}`, 'walker@m.example', 10 + Math.floor(i / 2), `Mon vélo numéro ${i} #velo`, 'fr', { likes: i % 7 }))
  await ingest(ctx.database.db, topic, original, authors)

  const seen: Item[] = []
  const lateOld: string[] = []
  let cursor: string | null = null
  let round = 0
  do {
    const res = await feed(ctx, topic.id, `limit=4${cursor ? `&cursor=${cursor}` : ''}`)
    t.equal(res.statusCode, 200)
    const page: { items: Item[]; nextCursor: string | null } = res.json()
    seen.push(...page.items)
    cursor = page.nextCursor
    if (!cursor) break
    // Between pages: a brand-new post, a late-collected old one, and one at the last timestamp served.
    const last = page.items.at(-1)!
    const lastHoursAgo = (T - Date.parse(last.createdAt)) / HOUR
    round++
    const late = post('mastodon', `late-old-${round}`, 'walker@m.example', 100 + round, 'Un vieux vélo retrouvé #velo', 'fr')
    lateOld.push(late.externalId)
    await ingest(ctx.database.db, topic, [
      post('mastodon', `new-${round}`, 'walker@m.example', 0.1 * round, 'Vélo tout neuf #velo', 'fr'),
      late,
      post('mastodon', `tie-${round}`, 'walker@m.example', lastHoursAgo, 'Vélo au même instant #velo', 'fr'),
    ], authors)
  } while (cursor)
  t.ok(round >= 8, `walked ${round + 1} pages`)

  const ids = seen.map((i) => i.id)
  t.equal(new Set(ids).size, ids.length, 'no item served twice')
  const served = new Set(keys(seen))
  t.ok(original.every((p) => served.has(p.externalId)), 'every post present at the start was served')
  t.ok(lateOld.every((k) => served.has(k)), 'posts collected late with an older date come on a later page')
  for (let i = 1; i < seen.length; i++) {
    const [a, b] = [seen[i - 1], seen[i]]
    t.ok(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && Number(a.id) > Number(b.id)), `order holds at ${i}`)
  }

  // The engaged order pages the same list a single page gives.
  const whole = keys((await feed(ctx, topic.id, 'sort=engaged&limit=100')).json().items)
  const paged: string[] = []
  cursor = null
  do {
    const page: { items: Item[]; nextCursor: string | null } = (await feed(ctx, topic.id, `sort=engaged&limit=7${cursor ? `&cursor=${cursor}` : ''}`)).json()
    paged.push(...keys(page.items))
    cursor = page.nextCursor
  } while (cursor)
  t.same(paged, whole)
})

t.test('bad requests are problems, not errors', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await createTopic(ctx)
  await ingest(ctx.database.db, topic, POSTS, ACCOUNTS)
  for (const query of ['sentimentMin=2', 'sentimentMin=0.5&sentimentMax=0', 'limit=101', 'limit=0', 'sort=random', 'since=yesterday', 'hasQuestion=maybe', 'language=french', 'cursor=bm9wZQ', 'unknown=1']) {
    const res = await feed(ctx, topic.id, query)
    t.equal(res.statusCode, 400, query)
    t.equal(res.headers['content-type'], 'application/problem+json', query)
  }
  const newestCursor = (await feed(ctx, topic.id, 'limit=1')).json().nextCursor
  const mixed = await feed(ctx, topic.id, `sort=engaged&cursor=${newestCursor}`)
  t.equal(mixed.statusCode, 400)
  t.equal(mixed.json().code, 'invalid_cursor')
})

t.test('another workspace\'s topic is not found', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await createTopic(ctx)
  await ingest(ctx.database.db, topic, POSTS, ACCOUNTS)
  const res = await ctx.app.inject({ url: `/v1/topics/${topic.id}/mentions`, headers: bearer(ctx.theirs.read) })
  t.equal(res.statusCode, 404)
  t.equal(res.json().code, 'not_found')
  t.notMatch(res.body, 'vélo')
  t.equal((await ctx.app.inject({ url: '/v1/topics/not-a-uuid/mentions', headers: bearer(ctx.mine.read) })).statusCode, 404)
  t.equal((await ctx.app.inject({ url: `/v1/topics/${topic.id}/mentions` })).statusCode, 401)
})
