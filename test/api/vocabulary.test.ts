// One API vocabulary, as a client meets it: network names in any case and checked against the
// networks Relais knows, one name for the time zone, errors a person can read, one limit per kind
// of list, and the representation asked for or a 406 — never JSON the client did not ask for.
import t from 'tap'
import type { Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import { ingestBatch } from '../../src/pipeline/ingest/ingest-batch.ts'
import { topicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import type { NormalizedAccount, NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { bearer, buildTestApp, type TestApp } from '../helpers/app.ts'
import { scoredPlantedTopic } from '../helpers/planted-network.ts'

const account = (network: string, handle: string): NormalizedAccount => ({
  network, externalId: handle, handle, displayName: handle, bio: null, url: null, followersCount: 10, followingCount: 1, postsCount: 1,
})
const post = (network: string, key: string, author: string, createdAt: string, text: string): NormalizedPost => ({
  network, externalId: key, authorExternalId: author, createdAt: new Date(createdAt), text, lang: 'en', url: null,
  replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
  likes: 2, reposts: 0, replies: 0, quotes: 0, hashtags: ['velo'], mentions: [], links: [],
})

/** A topic with two posts on Mastodon and three on Bluesky (Bluesky's at 17:10 UTC, 18:10 in Paris). */
async function topicOnTwoNetworks(ctx: TestApp) {
  const res = await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.mine.write), payload: { name: 'Vélo', query: '#velo' } })
  const topic = res.json() as { id: string; query: string; networks: string[]; languages: string[] }
  const posts = [
    post('mastodon', 'm1', 'ana@m.example', '2026-11-17T09:10:00Z', 'Mon #velo du matin'),
    post('mastodon', 'm2', 'ana@m.example', '2026-11-18T09:10:00Z', 'Encore #velo'),
    post('bluesky', 'b1', 'did:plc:bea', '2026-11-17T17:10:00Z', 'Evening #velo ride'),
    post('bluesky', 'b2', 'did:plc:bea', '2026-11-18T17:10:00Z', 'Another #velo ride'),
    post('bluesky', 'b3', 'did:plc:bea', '2026-11-19T17:10:00Z', 'Last #velo ride'),
  ]
  await (ctx.database.db as Kysely<DB>).transaction().execute((trx) =>
    ingestBatch(trx, { posts, accounts: [account('mastodon', 'ana@m.example'), account('bluesky', 'did:plc:bea')] }, [topicMatcher(topic)]))
  return topic
}

const RANGE = 'since=2026-11-01T00:00:00Z&until=2026-11-20T00:00:00Z'

t.test('network names are read in any case, on every route that takes one', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await topicOnTwoNetworks(ctx)
  const get = (path: string) => ctx.app.inject({ url: `/v1/topics/${topic.id}/${path}`, headers: bearer(ctx.mine.read) })

  const lower = (await get('mentions?network=bluesky')).json()
  const capitalised = await get('mentions?network=Bluesky')
  t.equal(capitalised.statusCode, 200)
  t.same(capitalised.json().items.map((i: { id: string }) => i.id), lower.items.map((i: { id: string }) => i.id), 'Bluesky and bluesky select the same posts')
  t.equal(lower.items.length, 3, 'the three Bluesky posts')
  t.ok(capitalised.json().items.every((i: { network: string }) => i.network === 'bluesky'))

  const hours = await get(`best-hours?${RANGE}&network=BLUESKY&minPosts=1`)
  t.equal(hours.statusCode, 200)
  t.same(hours.json().networks.map((n: { network: string }) => n.network).sort(), ['all', 'bluesky'], 'best hours for Bluesky only')

  const created = await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.mine.write), payload: { name: 'Cased', query: 'velo', networks: ['Mastodon', ' bluesky '], ownAccounts: { Mastodon: ['brand@m.example'] } } })
  t.equal(created.statusCode, 201)
  t.same(created.json().networks, ['mastodon', 'bluesky'], 'stored as the lower-case names')
  t.same(created.json().ownAccounts, { mastodon: ['brand@m.example'] })
})

t.test('rankings: ?network=Mastodon ranks what ?network=mastodon ranks', async (t) => {
  const { app, mine, topicId } = await scoredPlantedTopic(t)
  const get = async (network: string) => (await app.inject({ url: `/v1/topics/${topicId}/influencers?limit=500&network=${network}`, headers: bearer(mine.read) })).json().items
  const lower = await get('mastodon')
  t.ok(lower.length >= 22, 'the planted Mastodon accounts')
  t.same(await get('Mastodon'), lower)
  const unknown = await app.inject({ url: `/v1/topics/${topicId}/influencers?network=myspace`, headers: bearer(mine.read) })
  t.equal(unknown.statusCode, 400, 'an unknown network is an error, not an empty list')
  t.match(unknown.json().detail, /"myspace" is not a network Relais knows/)
})

t.test('an unknown network is refused everywhere, in words, never with a regular expression', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await topicOnTwoNetworks(ctx)
  const answers = [
    await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.mine.write), payload: { name: 'Old', query: 'velo', networks: ['myspace'] } }),
    await ctx.app.inject({ method: 'PATCH', url: `/v1/topics/${topic.id}`, headers: bearer(ctx.mine.write), payload: { ownAccounts: { myspace: ['tom'] } } }),
    await ctx.app.inject({ url: `/v1/topics/${topic.id}/mentions?network=myspace`, headers: bearer(ctx.mine.read) }),
    await ctx.app.inject({ url: `/v1/topics/${topic.id}/inbox?network=myspace`, headers: bearer(ctx.mine.read) }),
    await ctx.app.inject({ url: `/v1/topics/${topic.id}/trends?network=myspace`, headers: bearer(ctx.mine.read) }),
    await ctx.app.inject({ url: `/v1/topics/${topic.id}/best-hours?network=myspace`, headers: bearer(ctx.mine.read) }),
  ]
  for (const res of answers) {
    t.equal(res.statusCode, 400)
    const problem = res.json()
    t.match(problem, { code: 'validation_failed', detail: /"myspace" is not a network Relais knows; use one of mastodon, bluesky, reddit, x/ })
    t.notMatch(problem.detail, /\/\^|\[a-z|pattern/, 'no regular expression in the message')
  }
  t.equal((await ctx.app.inject({ url: `/v1/topics/${topic.id}`, headers: bearer(ctx.mine.read) })).json().ownAccounts.myspace, undefined, 'nothing was stored')
})

t.test('a value of the wrong form is explained, not matched against a quoted pattern', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await topicOnTwoNetworks(ctx)
  const language = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/mentions?language=french`, headers: bearer(ctx.mine.read) })).json()
  t.equal(language.detail, 'querystring.language: must be an ISO 639-1 language code such as en or fr')
  const window = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/trends?window=fortnight`, headers: bearer(ctx.mine.read) })).json()
  t.equal(window.detail, 'querystring.window: must be a window from 1h to 30d, such as 24h or 7d')
  const upper = await ctx.app.inject({ url: `/v1/topics/${topic.id}/mentions?language=EN`, headers: bearer(ctx.mine.read) })
  t.equal(upper.statusCode, 200, 'a language code in capitals is read as one')
  t.equal(upper.json().items.length, 5)
})

t.test('best hours take timeZone, the name digests use; tz is still read', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await topicOnTwoNetworks(ctx)
  const hours = async (query: string) => (await ctx.app.inject({ url: `/v1/topics/${topic.id}/best-hours?${RANGE}&minPosts=1&${query}`, headers: bearer(ctx.mine.read) })).json()
  const paris = await hours('timeZone=Europe/Paris')
  t.equal(paris.timeZone, 'Europe/Paris')
  const bluesky = paris.networks.find((n: { network: string }) => n.network === 'bluesky')
  t.equal(bluesky.hourOfWeek.posts[1][18] + bluesky.hourOfWeek.posts[2][18] + bluesky.hourOfWeek.posts[3][18], 3, '17:10 UTC read as 18:10 in Paris (Tuesday to Thursday)')
  t.same(await hours('tz=Europe/Paris'), paris, 'the former name gives the same answer')
  t.equal((await hours('timeZone=Asia/Tokyo&tz=Europe/Paris')).timeZone, 'Asia/Tokyo', 'timeZone wins when both are sent')
  t.equal((await hours('')).timeZone, 'UTC', 'UTC by default')
  const bad = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/best-hours?timeZone=Mars/Olympus`, headers: bearer(ctx.mine.read) })).json()
  t.equal(bad.detail, 'querystring.timeZone: must be an IANA time zone such as Europe/Paris or UTC')
})

t.test('one limit per kind of list: pages of any resource stop at 100', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await topicOnTwoNetworks(ctx)
  for (const path of ['/v1/topics', `/v1/topics/${topic.id}/mentions`, `/v1/topics/${topic.id}/inbox`, `/v1/topics/${topic.id}/alerts`, '/v1/digests', '/v1/webhooks']) {
    const key = ctx.mine.read
    t.equal((await ctx.app.inject({ url: `${path}?limit=100`, headers: bearer(key) })).statusCode, 200, `${path}: 100 is allowed`)
    const over = await ctx.app.inject({ url: `${path}?limit=101`, headers: bearer(key) })
    t.equal(over.statusCode, 400, `${path}: 101 is not`)
    t.match(over.json().detail, /limit/)
  }
})

t.test('Accept is honoured: the representation asked for, or 406', async (t) => {
  const ctx = await buildTestApp(t)
  const topic = await topicOnTwoNetworks(ctx)
  const mentions = (accept?: string) => ctx.app.inject({ url: `/v1/topics/${topic.id}/mentions`, headers: { ...bearer(ctx.mine.read), ...(accept !== undefined && { accept }) } })

  const csv = await mentions('text/csv')
  t.equal(csv.statusCode, 406, 'the feed has no CSV: 406, not JSON')
  t.match(csv.json(), { code: 'not_acceptable', detail: 'This resource is available as application/json.' })
  t.match(csv.headers['content-type'], /^application\/problem\+json/)
  for (const accept of [undefined, 'application/json', '*/*', 'text/html, application/*;q=0.5', 'text/csv, application/json;q=0.1']) {
    const res = await mentions(accept)
    t.equal(res.statusCode, 200, `Accept: ${accept ?? '(none)'}`)
    t.equal(res.json().items.length, 5)
  }
  t.equal((await mentions('application/json;q=0, text/csv')).statusCode, 406, 'JSON refused by name')
  const stats = await ctx.app.inject({ url: `/v1/topics/${topic.id}/stats`, headers: { ...bearer(ctx.mine.read), accept: 'text/csv' } })
  t.equal(stats.statusCode, 406, 'analytics too')
  const graph = await ctx.app.inject({ url: `/v1/topics/${topic.id}/graph`, headers: { ...bearer(ctx.mine.read), accept: 'text/csv' } })
  t.match({ status: graph.statusCode, detail: graph.json().detail }, { status: 406, detail: 'This resource is available as application/json or application/gexf+xml.' })
  const gexf = await ctx.app.inject({ url: `/v1/topics/${topic.id}/graph?format=gexf`, headers: { ...bearer(ctx.mine.read), accept: 'application/json' } })
  t.match({ status: gexf.statusCode, type: gexf.headers['content-type'] }, { status: 200, type: /^application\/gexf\+xml/ }, '?format= wins over Accept')
})
