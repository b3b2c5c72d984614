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

const account = (network: string, handle: string): NormalizedAccount => ({
  network, externalId: handle, handle, displayName: null, bio: null, url: null, followersCount: 10, followingCount: 1, postsCount: 1,
})
const post = (network: string, key: string, author: string, hoursAgo: number, text: string, lang = 'fr'): NormalizedPost => ({
  network, externalId: key, authorExternalId: author, createdAt: new Date(T - hoursAgo * HOUR), text, lang, url: `https://${network}.example/p/${key}`,
  replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
  likes: 0, reposts: 0, replies: 0, quotes: 0, hashtags: [], mentions: [], links: [],
})

const ACCOUNTS = [account('mastodon', 'lea@m.example'), account('mastodon', 'velocite@piaille.fr'), account('bluesky', 'marc.bsky.social')]
const POSTS = [
  post('mastodon', 'question', 'lea@m.example', 1, 'Où garer mon vélo à Lyon ? #velo'),
  post('mastodon', 'complaint', 'lea@m.example', 2, 'Un vélo un peu lent aujourd\'hui #velo'),
  post('mastodon', 'direct', 'lea@m.example', 3, '@Velocite@piaille.fr merci pour le vélo, génial #velo'),
  post('mastodon', 'angry-question', 'lea@m.example', 4, 'Pourquoi mon vélo est cassé, c\'est horrible ? #velo'),
  post('mastodon', 'plain', 'lea@m.example', 5, 'Le vélo en ville #velo'),
  post('mastodon', 'own-post', 'velocite@piaille.fr', 6, 'Une question ? Écrivez-nous ! #velo'),
  post('bluesky', 'other-network-handle', 'marc.bsky.social', 7, 'hey @velocite.bsky.social nice vélo #velo', 'en'),
]

async function setUp(ctx: TestApp) {
  const created = await ctx.app.inject({
    method: 'POST', url: '/v1/topics', headers: bearer(ctx.mine.write),
    payload: { name: 'Vélo', query: '#velo', ownAccounts: { mastodon: ['@Velocite@piaille.fr'], bluesky: ['velocite.example.com'] } },
  })
  const topic = created.json() as { id: string; query: string; networks: string[]; languages: string[] }
  await ctx.database.db.transaction().execute(async (trx) => ingestBatch(trx, await topicWorkspace(trx, topic.id), { posts: POSTS, accounts: ACCOUNTS }, [topicMatcher(topic)]))
  return topic
}

async function postIds(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('posts').select(['id', 'external_id']).where('external_id', 'in', POSTS.map((p) => p.externalId)).execute()
  return new Map(rows.map((r) => [r.external_id, String(r.id)]))
}

interface InboxItem { reasons: string[]; mention: { id: string; url: string } }
const summary = (items: InboxItem[]) => items.map((i) => [i.mention.url.split('/p/')[1], i.reasons])

t.test('the inbox lists questions, complaints and direct mentions with their reasons', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await setUp(ctx)
  const stored = await ctx.database.db.selectFrom('posts').select(['external_id', 'sentiment', 'is_question']).execute()
  const of = (k: string) => stored.find((r) => r.external_id === k)!
  t.ok(of('complaint').sentiment! < -0.3 && !of('complaint').is_question, 'the complaint reads negative')
  t.ok(of('direct').sentiment! > -0.3 && !of('direct').is_question, 'the direct mention is neither')
  t.ok(of('plain').sentiment! > -0.3 && !of('plain').is_question, 'the plain post is neither')

  const res = await ctx.app.inject({ url: `/v1/topics/${topic.id}/inbox`, headers: bearer(ctx.mine.read) })
  t.equal(res.statusCode, 200)
  t.same(summary(res.json().items), [
    ['angry-question', ['question', 'negative']],
    ['direct', ['directMention']],
    ['question', ['question']],
    ['complaint', ['negative']],
  ], 'by urgency × recency (same reach): question and complaint (4) first, then naming the brand (3), then a question (2) an hour newer than a complaint (2); the brand\'s own post, the plain post and a look-alike handle on another network are left out')
  t.match(res.json().items[2].mention, { network: 'mastodon', text: 'Où garer mon vélo à Lyon ? #velo', isQuestion: true, author: { handle: 'lea@m.example' } })

  const direct = await ctx.app.inject({ url: `/v1/topics/${topic.id}/inbox?reason=directMention`, headers: bearer(ctx.mine.read) })
  t.same(summary(direct.json().items), [['direct', ['directMention']]])
  const negative = await ctx.app.inject({ url: `/v1/topics/${topic.id}/inbox?reason=negative`, headers: bearer(ctx.mine.read) })
  t.same(summary(negative.json().items).map(([k]) => k), ['angry-question', 'complaint'])

  const pages: string[] = []
  let cursor: string | null = null
  do {
    const page: { items: InboxItem[]; nextCursor: string | null } = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/inbox?limit=3${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(ctx.mine.read) })).json()
    pages.push(...page.items.map((i) => i.mention.url.split('/p/')[1]))
    cursor = page.nextCursor
  } while (cursor)
  t.same(pages, ['angry-question', 'direct', 'question', 'complaint'], 'pages walk the same list')
})

t.test('a handled mention leaves the inbox until it is unmarked', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await setUp(ctx)
  const ids = await postIds(ctx.database.db)
  const url = `/v1/topics/${topic.id}/inbox/${ids.get('question')}/handled`
  const inbox = async () => summary((await ctx.app.inject({ url: `/v1/topics/${topic.id}/inbox`, headers: bearer(ctx.mine.read) })).json().items).map(([k]) => k)

  t.equal((await ctx.app.inject({ method: 'POST', url, headers: bearer(ctx.mine.read), payload: {} })).statusCode, 403, 'marking needs the write scope')
  const marked = await ctx.app.inject({ method: 'POST', url, headers: bearer(ctx.mine.write), payload: {} })
  t.equal(marked.statusCode, 200)
  t.equal(marked.json().postId, ids.get('question'))
  t.match(marked.json().handledAt, /^\d{4}-\d\d-\d\dT/)
  t.same(await inbox(), ['angry-question', 'direct', 'complaint'])
  const row = await ctx.database.db.selectFrom('topic_posts').select('handled_at').where('topic_id', '=', topic.id).where('post_id', '=', Number(ids.get('question'))).executeTakeFirstOrThrow()
  t.equal(row.handled_at?.toISOString(), marked.json().handledAt, 'the time is stored')

  const again = await ctx.app.inject({ method: 'POST', url, headers: bearer(ctx.mine.write) })
  t.equal(again.statusCode, 200, 'no body is fine')
  t.equal(again.json().handledAt, marked.json().handledAt, 'marking again keeps the first time')

  const unmarked = await ctx.app.inject({ method: 'DELETE', url, headers: bearer(ctx.mine.write) })
  t.equal(unmarked.statusCode, 200)
  t.same(unmarked.json(), { postId: ids.get('question'), handledAt: null })
  t.same(await inbox(), ['angry-question', 'direct', 'question', 'complaint'])

  const plainUrl = `/v1/topics/${topic.id}/inbox/${ids.get('plain')}/handled`
  t.equal((await ctx.app.inject({ method: 'POST', url: plainUrl, headers: bearer(ctx.mine.write) })).statusCode, 200, 'any mention of the topic can be marked')
  for (const bad of ['999999999', 'abc', '1'.repeat(19)]) {
    const res = await ctx.app.inject({ method: 'POST', url: `/v1/topics/${topic.id}/inbox/${bad}/handled`, headers: bearer(ctx.mine.write) })
    t.equal(res.statusCode, 404, `post ${bad} is not found`)
  }
})

t.test('another workspace cannot read or mark the inbox', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await setUp(ctx)
  const ids = await postIds(ctx.database.db)
  const read = await ctx.app.inject({ url: `/v1/topics/${topic.id}/inbox`, headers: bearer(ctx.theirs.read) })
  t.equal(read.statusCode, 404)
  t.notMatch(read.body, 'vélo')
  for (const method of ['POST', 'DELETE'] as const) {
    const res = await ctx.app.inject({ method, url: `/v1/topics/${topic.id}/inbox/${ids.get('question')}/handled`, headers: bearer(ctx.theirs.admin) })
    t.equal(res.statusCode, 404, method)
  }
  const row = await ctx.database.db.selectFrom('topic_posts').select('handled_at').where('topic_id', '=', topic.id).where('post_id', '=', Number(ids.get('question'))).executeTakeFirstOrThrow()
  t.equal(row.handled_at, null, 'nothing was marked')

  // A post of their own topic cannot be marked through mine either.
  const theirs = (await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.theirs.write), payload: { name: 'Autre', query: '#velo' } })).json()
  const cross = await ctx.app.inject({ method: 'POST', url: `/v1/topics/${theirs.id}/inbox/${ids.get('question')}/handled`, headers: bearer(ctx.mine.write) })
  t.equal(cross.statusCode, 404)
})

t.test('priority: reach × urgency × recency, grouped by conversation, each item saying why', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = (await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.mine.write), payload: { name: 'Vélo', query: '#velo' } })).json()
  const who = (handle: string, followers: number): NormalizedAccount => ({ ...account('mastodon', handle), followersCount: followers })
  const reply = (p: NormalizedPost, to: string): NormalizedPost => ({ ...p, replyToExternalId: to })
  const posts = [
    { ...post('mastodon', 'big-complaint', 'big@m.example', 20, 'Service horrible, vélo cassé, nul et scandaleux #velo'), likes: 40 },
    post('mastodon', 'small-complaint', 'small@m.example', 1, 'Vélo nul, horrible, scandaleux #velo'),
    post('mastodon', 'thread-root', 'lea@m.example', 30, 'Où réparer un vélo à Lyon ? #velo'),
    reply(post('mastodon', 'thread-reply', 'marc@m.example', 2, 'Et le dimanche, c\'est ouvert ? #velo'), 'thread-root'),
    reply(post('mastodon', 'thread-reply-2', 'paul@m.example', 3, 'Et le samedi, à quelle heure ? #velo'), 'thread-reply'),
  ]
  const accounts = [who('big@m.example', 10_000), who('small@m.example', 9), who('lea@m.example', 10), who('marc@m.example', 500), who('paul@m.example', 10)]
  await ctx.database.db.transaction().execute(async (trx) => ingestBatch(trx, await topicWorkspace(trx, topic.id), { posts, accounts }, [topicMatcher(topic)]))

  const page = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/inbox`, headers: bearer(ctx.mine.read) })).json()
  type Item = InboxItem & { reasons: string[]; why: { en: string; fr: string }; priority: { score: number }; conversation: { id: string; size: number; priority: number }; mention: { createdAt: string; engagement: { total: number }; author: { followersCount: number } } }
  const items: Item[] = page.items
  t.same(items.map((i) => i.mention.url.split('/p/')[1]), ['big-complaint', 'thread-reply', 'thread-reply-2', 'thread-root', 'small-complaint'],
    'the large account\'s complaint first though older; the thread together; the tiny account\'s complaint last though newest')
  t.same(items.map((i) => i.reasons), [['negative'], ['question'], ['question'], ['question'], ['negative']])
  const thread = items.filter((i) => i.mention.url.includes('thread'))
  t.equal(new Set(thread.map((i) => i.conversation.id)).size, 1, 'one conversation')
  t.ok(thread.every((i) => i.conversation.size === 3))
  t.notSame(items[0].conversation.id, thread[0].conversation.id)
  // The documented formula, recomputed from what the items show.
  const asOf = new Date(page.asOf).getTime()
  for (const i of items) {
    const urgency = (i.reasons.includes('directMention') ? 3 : 0) + (i.reasons.includes('question') ? 2 : 0) + (i.reasons.includes('negative') ? 2 : 0)
    const reach = 1 + Math.log10(1 + i.mention.author.followersCount) + Math.log10(1 + i.mention.engagement.total)
    const recency = 0.5 ** ((asOf - new Date(i.mention.createdAt).getTime()) / 86_400_000)
    t.ok(Math.abs(i.priority.score - reach * urgency * recency) <= 1e-9 * Math.max(1, i.priority.score), `${i.mention.url}: priority as documented`)
  }
  t.match(items[0].why, { en: /^Reads as a complaint\. 10000 followers, 40 reactions, posted \d+ (h|days) ago\.$/, fr: /^Ressemble à une plainte\. 10000 abonnés, 40 réactions, publié il y a \d+ (h|jours)\.$/ })
  t.match(items[1].why, { en: /^Asks a question\./, fr: /^Pose une question\./ })

  const walked: string[] = []
  let cursor: string | null = null
  do {
    const next: { items: Item[]; nextCursor: string | null } = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/inbox?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(ctx.mine.read) })).json()
    walked.push(...next.items.map((i) => i.mention.url.split('/p/')[1]))
    cursor = next.nextCursor
  } while (cursor)
  t.same(walked, items.map((i) => i.mention.url.split('/p/')[1]), 'pages of 2 walk the same order')
})
