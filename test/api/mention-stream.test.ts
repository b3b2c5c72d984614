// GET /v1/topics/{id}/mentions/stream: a mention stored after the client connects arrives, as the
// feed serves it; a reconnection with Last-Event-ID gets what was stored meanwhile; the stream is
// scoped and authenticated like the feed, a key holds a bounded number of streams, and a stream
// ends once its key is revoked.
import t from 'tap'
import type { AddressInfo } from 'node:net'
import type { Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import { ingestBatch } from '../../src/pipeline/ingest/ingest-batch.ts'
import { topicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import type { NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { bearer, buildTestApp, type TestApp } from '../helpers/app.ts'
import { openEventStream } from '../helpers/event-stream.ts'
import { createSession } from '../../src/tenancy/people/sessions.ts'

type Topic = { id: string; query: string; networks: string[]; languages: string[] }

const post = (key: string, text: string): NormalizedPost => ({
  network: 'mastodon', externalId: `https://piaille.example/${key}`, authorExternalId: 'lea@piaille.example', createdAt: new Date(), text, lang: 'fr', url: `https://piaille.example/@lea/${key}`,
  replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
  likes: 1, reposts: 0, replies: 0, quotes: 0, hashtags: [], mentions: [], links: [],
})
const author = { network: 'mastodon', externalId: 'lea@piaille.example', handle: 'lea@piaille.example', displayName: 'Léa', bio: null, url: null, followersCount: 12, followingCount: 3, postsCount: 40 }

async function store(db: Kysely<DB>, workspaceId: string, topic: Topic, posts: NormalizedPost[]): Promise<void> {
  await db.transaction().execute((trx) => ingestBatch(trx, workspaceId, { posts, accounts: [author] }, [topicMatcher(topic)]))
}

async function setUp(t: { teardown(fn: () => unknown): void }, options: Parameters<typeof buildTestApp>[1] = {}) {
  const ctx: TestApp = await buildTestApp(t, { liveMentions: { intervalMs: 40, heartbeatMs: 150, ...options.liveMentions }, ...options })
  const topic = (await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.mine.write), payload: { name: 'Vélo', query: 'vélo' } })).json() as Topic
  await ctx.app.listen({ port: 0, host: '127.0.0.1' })
  const url = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}/v1/topics/${topic.id}/mentions/stream`
  return { ctx, topic, url }
}

t.test('a mention stored after the client connects arrives, as the feed serves it; one stored before does not', async (t) => {
  const { ctx, topic, url } = await setUp(t)
  await store(ctx.database.db, ctx.mine.id, topic, [post('before', 'Mon vélo avant')])
  const client = await openEventStream(url, bearer(ctx.mine.read))
  t.teardown(() => client.close())
  t.equal(client.status, 200)
  t.match(client.headers['content-type'], /^text\/event-stream/)
  await client.until(() => client.comments.includes('connected'), 10_000, 'the stream to be live')

  await store(ctx.database.db, ctx.mine.id, topic, [post('after-1', 'Mon vélo après'), post('other', 'Rien à voir')])
  await client.until(() => client.events.length >= 1, 10_000, 'the new mention')
  await client.until(() => client.comments.includes('heartbeat'), 10_000, 'a heartbeat')
  const feed = (await ctx.app.inject({ url: `/v1/topics/${topic.id}/mentions`, headers: bearer(ctx.mine.read) })).json() as { items: { text: string }[] }
  const fromFeed = feed.items.find((item) => item.text === 'Mon vélo après')
  t.same(client.events.map((event) => event.event), ['mention'], 'one event: the post on the topic, not the other, not the one stored before')
  t.same(JSON.parse(client.events[0].data), fromFeed, 'the event is the mention exactly as the feed lists it')
  t.match(client.events[0].id, /^\d+\.\d+$/, 'with an id to resume from')
})

t.test('reconnecting with Last-Event-ID sends what was stored meanwhile, then goes on live', async (t) => {
  const { ctx, topic, url } = await setUp(t)
  const first = await openEventStream(url, bearer(ctx.mine.read))
  await first.until(() => first.comments.includes('connected'), 10_000, 'the stream to be live')
  await store(ctx.database.db, ctx.mine.id, topic, [post('r1', 'Vélo un')])
  await first.until(() => first.events.length === 1, 10_000, 'the first mention')
  first.close()
  await store(ctx.database.db, ctx.mine.id, topic, [post('r2', 'Vélo deux'), post('r3', 'Vélo trois')])

  const second = await openEventStream(url, { ...bearer(ctx.mine.read), 'last-event-id': first.events[0].id! })
  t.teardown(() => second.close())
  await second.until(() => second.comments.includes('connected'), 10_000, 'the resumed stream to be live')
  t.same(second.events.map((event) => (JSON.parse(event.data) as { text: string }).text).sort(), ['Vélo deux', 'Vélo trois'], 'the two stored while away, not the one already received')
  await store(ctx.database.db, ctx.mine.id, topic, [post('r4', 'Vélo quatre')])
  await second.until(() => second.events.length === 3, 10_000, 'the live mention after the replay')
  t.equal((JSON.parse(second.events[2].data) as { text: string }).text, 'Vélo quatre')
})

t.test('scoped and authenticated like the feed', async (t) => {
  const { ctx, topic } = await setUp(t)
  const theirs = await ctx.app.inject({ url: `/v1/topics/${topic.id}/mentions/stream`, headers: bearer(ctx.theirs.read) })
  t.equal(theirs.statusCode, 404, "another workspace's topic is not found")
  t.match(theirs.headers['content-type'], /application\/problem\+json/)
  const anonymous = await ctx.app.inject({ url: `/v1/topics/${topic.id}/mentions/stream` })
  t.equal(anonymous.statusCode, 401, 'no key: 401')
  const json = await ctx.app.inject({ url: `/v1/topics/${topic.id}/mentions/stream`, headers: { ...bearer(ctx.mine.read), accept: 'application/json' } })
  t.equal(json.statusCode, 406, 'a client that accepts only JSON is told the stream is not JSON')
})

t.test('a key holds a bounded number of streams at once', async (t) => {
  const { ctx, url } = await setUp(t, { liveMentions: { maxStreamsPerKey: 2 } })
  const open = await Promise.all([openEventStream(url, bearer(ctx.mine.read)), openEventStream(url, bearer(ctx.mine.read))])
  t.teardown(() => { for (const client of open) client.close() })
  t.same(open.map((client) => client.status), [200, 200])
  const third = await openEventStream(url, bearer(ctx.mine.read))
  t.equal(third.status, 429, 'a third stream of the same key is refused')
  third.close()
  const otherKey = await openEventStream(url, bearer(ctx.mine.admin))
  t.equal(otherKey.status, 200, 'another key of the workspace has its own allowance')
  otherKey.close()
  open[0].close()
  await open[0].ended
  // The server sees the close a moment later: once it has, the key may open another.
  let again = await openEventStream(url, bearer(ctx.mine.read))
  for (let i = 0; i < 50 && again.status === 429; i++) {
    again.close()
    await new Promise((resolve) => setTimeout(resolve, 50))
    again = await openEventStream(url, bearer(ctx.mine.read))
  }
  t.equal(again.status, 200, 'a closed stream frees its place')
  again.close()
})

t.test('a workspace, all its keys together, and the process hold a bounded number of streams', async (t) => {
  const { ctx, url } = await setUp(t, { liveMentions: { maxStreamsPerKey: 2, maxStreamsPerWorkspace: 3, maxStreams: 4 } })
  const theirTopic = (await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(ctx.theirs.write), payload: { name: 'Vélo', query: 'vélo' } })).json() as Topic
  const theirUrl = url.replace(/topics\/[^/]+\//, `topics/${theirTopic.id}/`)
  const open = await Promise.all([openEventStream(url, bearer(ctx.mine.read)), openEventStream(url, bearer(ctx.mine.read)), openEventStream(url, bearer(ctx.mine.admin))])
  t.teardown(() => { for (const client of open) client.close() })
  t.same(open.map((client) => client.status), [200, 200, 200], 'three streams of one workspace, through two keys')
  const fourth = await ctx.app.inject({ url: new URL(url).pathname, headers: { ...bearer(ctx.mine.write), accept: 'text/event-stream' } })
  t.equal(fourth.statusCode, 429, "a third key of the workspace is refused once the workspace's allowance is used")
  t.match(fourth.json(), { detail: /per workspace/ }, 'and told why')
  const theirs = await openEventStream(theirUrl, bearer(ctx.theirs.read))
  t.equal(theirs.status, 200, 'another workspace is not held back by this one')
  const beyond = await openEventStream(theirUrl, bearer(ctx.theirs.admin))
  t.equal(beyond.status, 503, 'beyond what the process holds, a stream is refused for a while')
  beyond.close()
  theirs.close()
})

t.test('a stream opened with a key that is then revoked ends, and the key cannot reopen it', async (t) => {
  const { ctx, url } = await setUp(t, { liveMentions: { intervalMs: 40, heartbeatMs: 150, authCheckMs: 100 } })
  const created = await ctx.app.inject({ method: 'POST', url: '/v1/keys', headers: bearer(ctx.mine.admin), payload: { name: 'wall screen', scopes: ['read'] } })
  t.equal(created.statusCode, 201, 'a key for the stream')
  const { id, key } = created.json() as { id: string; key: string }
  const kept = await openEventStream(url, bearer(ctx.mine.read))
  const revoked = await openEventStream(url, bearer(key))
  t.teardown(() => { kept.close(); revoked.close() })
  await revoked.until(() => revoked.comments.includes('connected'), 10_000, 'the stream to be live')
  await kept.until(() => kept.comments.includes('connected'), 10_000, 'the other stream to be live')

  t.equal((await ctx.app.inject({ method: 'DELETE', url: `/v1/keys/${id}`, headers: bearer(ctx.mine.admin) })).statusCode, 204, 'the key is revoked')
  const outcome = await Promise.race([revoked.ended.then(() => 'ended'), new Promise((resolve) => setTimeout(() => resolve('still open'), 20_000))])
  t.equal(outcome, 'ended', 'the server ends the stream of the revoked key')
  const again = await openEventStream(url, bearer(key))
  t.equal(again.status, 401, 'reconnecting with the revoked key is refused')
  again.close()
  // A stream of a key still valid goes on: checked again, it stays open.
  kept.comments.length = 0
  await kept.until(() => kept.comments.includes('heartbeat'), 10_000, 'a heartbeat on the stream of the valid key')
  t.ok(kept.comments.includes('heartbeat'), 'the stream of a key still valid goes on')
})

t.test('a stream opened in a browser session ends once the session is signed out', async (t) => {
  const { ctx, url } = await setUp(t, { liveMentions: { intervalMs: 40, heartbeatMs: 150, authCheckMs: 100 } })
  const { token } = await createSession(ctx.database.db, { personId: null, workspaceId: ctx.mine.id, role: 'viewer' })
  const cookie = { cookie: `relais_session=${token}` }
  const client = await openEventStream(url, cookie)
  t.teardown(() => client.close())
  t.equal(client.status, 200, 'the session opens the stream')
  await client.until(() => client.comments.includes('connected'), 10_000, 'the stream to be live')
  await ctx.database.db.updateTable('web_sessions').set({ revoked_at: new Date() }).where('workspace_id', '=', ctx.mine.id).execute()
  const outcome = await Promise.race([client.ended.then(() => 'ended'), new Promise((resolve) => setTimeout(() => resolve('still open'), 20_000))])
  t.equal(outcome, 'ended', 'the server ends the stream of the ended session')
  const again = await openEventStream(url, cookie)
  t.equal(again.status, 401, 'the ended session cannot reopen it')
  again.close()
})

t.test('the replay after Last-Event-ID is bounded: beyond the limit, an overflow event says to read the feed', async (t) => {
  const { ctx, topic, url } = await setUp(t, { liveMentions: { intervalMs: 40, heartbeatMs: 150, replayMax: 2 } })
  const first = await openEventStream(url, bearer(ctx.mine.read))
  await first.until(() => first.comments.includes('connected'), 10_000, 'the stream to be live')
  await store(ctx.database.db, ctx.mine.id, topic, [post('o1', 'Vélo un')])
  await first.until(() => first.events.length === 1, 10_000, 'the first mention')
  first.close()
  await store(ctx.database.db, ctx.mine.id, topic, ['o2', 'o3', 'o4', 'o5'].map((key) => post(key, `Vélo ${key}`)))

  const second = await openEventStream(url, { ...bearer(ctx.mine.read), 'last-event-id': first.events[0].id! })
  t.teardown(() => second.close())
  await second.until(() => second.comments.includes('connected'), 10_000, 'the resumed stream to be live')
  t.same(second.events.map((event) => event.event), ['mention', 'mention', 'overflow'], 'two of the four stored while away, then overflow')
  t.match(JSON.parse(second.events[2].data), { detail: /read the rest from the mention feed/ })
  const replayed = second.events.slice(0, 2).map((event) => (JSON.parse(event.data) as { text: string }).text)
  t.equal(new Set(replayed).size, 2, 'each replayed once')
  t.notOk(replayed.includes('Vélo un'), 'not the one already received')
})
