// The brand's own mentions reach the inbox: posts naming (or, on X, answering) a topic's own
// account are collected even when they do not match the topic's query, once each across runs,
// and only in the workspace whose topic names the account.
import t from 'tap'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import { sealCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { bearer, buildTestApp, type TestApp } from '../helpers/app.ts'
import { localJobs } from '../helpers/local-network.ts'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'
import { startFakeBluesky, type FakeBluesky } from '../fakes/bluesky/index.ts'
import { startXFake, type XFake } from '../fakes/x/server.ts'
import { snowflake } from '../fakes/x/seed.ts'
import { startFakeMastodon } from '../fakes/mastodon/index.ts'
import { startRedditFake } from '../fakes/reddit/server.ts'

const silent: Logger = { info() {}, warn() {}, error() {} }
const minutesAgo = (minutes: number) => Date.now() - minutes * 60_000
const iso = (ms: number) => new Date(ms).toISOString()
const X_BEARER = 'x-bearer-own-mentions'

interface InboxItem { reasons: string[]; why: { en: string; fr: string }; mention: { id: string; network: string; url: string; text: string } }

function blueskyFake(): Promise<FakeBluesky> {
  return startFakeBluesky({
    actors: [
      { did: 'did:plc:brand', handle: 'brand.test' },
      { did: 'did:plc:watcher', handle: 'watcher.test' },
      { did: 'did:plc:ann', handle: 'ann.test' },
    ],
    posts: [
      { rkey: 'asks-brand', authorDid: 'did:plc:ann', text: '@brand.test my order never arrived', createdAt: iso(minutesAgo(30)) },
      { rkey: 'on-topic', authorDid: 'did:plc:ann', text: 'Le velo en ville', createdAt: iso(minutesAgo(20)) },
      { rkey: 'brand-itself', authorDid: 'did:plc:brand', text: 'Thanks for writing to @brand.test, we read everything', createdAt: iso(minutesAgo(10)) },
      { rkey: 'unrelated', authorDid: 'did:plc:ann', text: 'Nothing to see here', createdAt: iso(minutesAgo(5)) },
    ],
    logins: [{ identifier: 'watcher.test', password: 'app-pass-own', did: 'did:plc:watcher' }],
  })
}

function xFake(): Promise<XFake> {
  const ownPost = snowflake(minutesAgo(60), 1)
  return startXFake({
    bearerToken: X_BEARER,
    seed: {
      users: [{ id: '100', username: 'RelaisBrand', name: 'Brand' }, { id: '200', username: 'zoe', name: 'Zoé' }],
      tweets: [
        { id: ownPost, authorId: '100', text: 'Our new range is out', createdAt: iso(minutesAgo(60)) },
        { id: snowflake(minutesAgo(40), 2), authorId: '200', text: '@RelaisBrand where is my parcel?', createdAt: iso(minutesAgo(40)) },
        { id: snowflake(minutesAgo(30), 3), authorId: '200', text: 'still waiting for an answer', createdAt: iso(minutesAgo(30)), replyTo: { id: ownPost, userId: '100' } },
        { id: snowflake(minutesAgo(20), 4), authorId: '200', text: 'un velo rouge', createdAt: iso(minutesAgo(20)) },
        { id: snowflake(minutesAgo(10), 5), authorId: '200', text: 'nothing about anyone', createdAt: iso(minutesAgo(10)) },
      ],
      follows: [],
    },
  })
}

async function addSources(ctx: TestApp, workspaceId: string, bluesky: FakeBluesky, x: XFake) {
  await ctx.database.db.insertInto('sources').values([
    { workspace_id: workspaceId, name: 'bluesky', network: 'bluesky', base_url: bluesky.url, settings: { pdsUrl: bluesky.url }, credentials: sealCredentials(TEST_SECRETS, { identifier: 'watcher.test', appPassword: 'app-pass-own' }) },
    { workspace_id: workspaceId, name: 'x', network: 'x', base_url: x.url, settings: {}, credentials: sealCredentials(TEST_SECRETS, { bearerToken: X_BEARER }) },
  ]).execute()
}

async function createTopic(ctx: TestApp, key: string, ownAccounts?: Record<string, string[]>): Promise<string> {
  const res = await ctx.app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(key), payload: { name: 'Vélo', query: 'velo', ...(ownAccounts && { ownAccounts }) } })
  if (res.statusCode !== 201) throw new Error(res.body)
  return (res.json() as { id: string }).id
}

async function collect(ctx: TestApp, workspaceId: string) {
  const outcome = await runJob({ db: ctx.database.db, log: silent }, localJobs({ connectorTuning: { maxRetries: 1 } }).get('collect-mentions')!, { workspaceId }, { trigger: 'manual' })
  if (outcome.status === 'skipped') throw new Error(outcome.reason)
  return outcome
}

async function inbox(ctx: TestApp, key: string, topicId: string): Promise<{ status: number; items: InboxItem[] }> {
  const res = await ctx.app.inject({ url: `/v1/topics/${topicId}/inbox?limit=100`, headers: bearer(key) })
  return { status: res.statusCode, items: res.statusCode === 200 ? (res.json() as { items: InboxItem[] }).items : [] }
}

const texts = (items: InboxItem[]) => items.map((i) => `${i.mention.network}: ${i.mention.text}`).sort()

t.test('mentions of the topic\'s own accounts that do not match its query are in the inbox, once, and only in its workspace', async (t) => {
  const ctx = await buildTestApp(t)
  const bluesky = await blueskyFake()
  const x = await xFake()
  t.teardown(() => Promise.all([bluesky.close(), x.close()]))
  await addSources(ctx, ctx.mine.id, bluesky, x)
  await addSources(ctx, ctx.theirs.id, bluesky, x)
  const topicId = await createTopic(ctx, ctx.mine.write, { bluesky: ['@Brand.test'], x: ['@RelaisBrand'] })
  const theirTopicId = await createTopic(ctx, ctx.theirs.write)

  const first = await collect(ctx, ctx.mine.id)
  t.equal(first.status, 'succeeded', first.error ?? '')
  t.ok(Number(first.stats.ownMentionRequests) >= 2, `one walk per own account at least (${first.stats.ownMentionRequests} requests)`)
  t.equal(first.stats.ownMentions, 3, 'three posts attached for naming or answering an own account')

  const mine = await inbox(ctx, ctx.mine.read, topicId)
  t.same(texts(mine.items), [
    'bluesky: @brand.test my order never arrived',
    'x: @RelaisBrand where is my parcel?',
    'x: still waiting for an answer',
  ], 'the two mentions and the reply, none of which says "velo"; not the brand\'s own post')
  const bsky = mine.items.find((i) => i.mention.network === 'bluesky')!
  t.ok(bsky.reasons.includes('directMention'), 'marked as naming an own account')
  t.match(bsky.why.en, /^Mentions @brand\.test[,.] /)
  t.match(bsky.why.fr, /^Mentionne @brand\.test[,.] /)
  const reply = mine.items.find((i) => i.mention.text.startsWith('still'))!
  t.match(reply.why.en, /^(Mentions|Replies under a post by) @relaisbrand[,.] /, 'a reply to the account says which account')

  // The feed still holds what matches the query, and the mentions marked by the account they name.
  const feed = await ctx.app.inject({ url: `/v1/topics/${topicId}/mentions?limit=100`, headers: bearer(ctx.mine.read) })
  const feedTexts = (feed.json() as { items: { text: string }[] }).items.map((i) => i.text).sort()
  t.same(feedTexts, ['@RelaisBrand where is my parcel?', '@brand.test my order never arrived', 'Le velo en ville', 'still waiting for an answer', 'un velo rouge'])

  // A second run: one new mention on each network, nothing seen before attached twice.
  bluesky.state.addPost({ rkey: 'asks-again', authorDid: 'did:plc:ann', text: 'hello @brand.test are you there', createdAt: iso(minutesAgo(1)) })
  x.seed.tweets.push({ id: snowflake(minutesAgo(1), 6), authorId: '200', text: 'ping @relaisbrand', createdAt: iso(minutesAgo(1)) })
  const second = await collect(ctx, ctx.mine.id)
  t.equal(second.status, 'succeeded', second.error ?? '')
  t.equal(second.stats.ownMentions, 2, 'only the two new mentions are attached')
  const again = await inbox(ctx, ctx.mine.read, topicId)
  t.same(texts(again.items), [
    'bluesky: @brand.test my order never arrived',
    'bluesky: hello @brand.test are you there',
    'x: @RelaisBrand where is my parcel?',
    'x: ping @relaisbrand',
    'x: still waiting for an answer',
  ])
  t.equal(new Set(again.items.map((i) => i.mention.id)).size, again.items.length, 'no item twice')

  // Another workspace, collecting the same networks for a topic without own accounts.
  const theirs = await collect(ctx, ctx.theirs.id)
  t.equal(theirs.status, 'succeeded', theirs.error ?? '')
  t.equal(theirs.stats.ownMentions, 0)
  t.same((await inbox(ctx, ctx.theirs.read, theirTopicId)).items, [], 'their inbox has none of the mentions')
  t.equal((await inbox(ctx, ctx.theirs.read, topicId)).status, 404, 'our topic is not theirs to read')
})

t.test('Mastodon: the account\'s mention notifications, read with its own token; another account\'s token says why not', async (t) => {
  const ctx = await buildTestApp(t)
  const mastodon = await startFakeMastodon({
    accounts: [{ id: '1', username: 'brand' }, { id: '2', username: 'lea' }, { id: '3', username: 'marc', domain: 'other.example' }],
    statuses: [
      { id: '10', accountId: '2', createdAt: iso(minutesAgo(50)), text: '@brand ma commande est en retard' },
      { id: '11', accountId: '3', createdAt: iso(minutesAgo(40)), text: 'Le velo du dimanche' },
      { id: '12', accountId: '1', createdAt: iso(minutesAgo(30)), text: 'Merci @lea, on regarde' },
      { id: '13', accountId: '3', createdAt: iso(minutesAgo(20)), text: 'Rien à voir' },
    ],
    tokenOwners: { 'brand-token': '1', 'lea-token': '2' },
  })
  t.teardown(() => mastodon.close())
  const source = (workspaceId: string, token: string) => ctx.database.db.insertInto('sources').values({
    workspace_id: workspaceId, name: 'mastodon', network: 'mastodon', base_url: mastodon.url, settings: { localDomain: 'social.test' }, credentials: sealCredentials(TEST_SECRETS, { accessToken: token }),
  }).execute()
  await source(ctx.mine.id, 'brand-token')
  await source(ctx.theirs.id, 'lea-token')
  const own = { mastodon: ['@brand@social.test'] }
  const topicId = await createTopic(ctx, ctx.mine.write, own)
  const theirTopicId = await createTopic(ctx, ctx.theirs.write, own)

  const first = await collect(ctx, ctx.mine.id)
  t.equal(first.status, 'succeeded', first.error ?? '')
  t.equal(first.stats.ownMentions, 1)
  const items = (await inbox(ctx, ctx.mine.read, topicId)).items
  t.same(texts(items), ['mastodon: @brand ma commande est en retard'], 'the mention that does not say "velo" is in the inbox')
  t.match(items[0].why, { en: /^Mentions @brand@social\.test[,.] /, fr: /^Mentionne @brand@social\.test[,.] / })
  t.ok(mastodon.requests.some((r) => r.path === '/api/v1/notifications' && r.query.getAll('types[]').includes('mention') && r.authorization === 'Bearer brand-token'), 'read from the notifications, with the account\'s token')

  mastodon.state.addStatus({ id: '14', accountId: '3', createdAt: iso(minutesAgo(1)), text: 'Bonjour @brand, une question ?' })
  const second = await collect(ctx, ctx.mine.id)
  t.equal(second.stats.ownMentions, 1, 'only the new mention')
  const calls = mastodon.requests.filter((r) => r.path === '/api/v1/notifications')
  t.equal(calls.at(-1)?.query.get('since_id'), '10', 'the second walk starts after the first one\'s newest notification')
  const again = (await inbox(ctx, ctx.mine.read, topicId)).items
  t.equal(again.length, 2)
  t.equal(new Set(again.map((i) => i.mention.id)).size, 2, 'no item twice')
  const refreshed = await ctx.database.db.selectFrom('posts')
    .select((eb) => eb.selectFrom('post_engagement_readings as r').whereRef('r.post_id', '=', 'posts.id').select((e) => e.fn.countAll<number>().as('n')).as('readings'))
    .where('workspace_id', '=', ctx.mine.id).where('text', '=', '@brand ma commande est en retard').executeTakeFirstOrThrow()
  t.ok(Number(refreshed.readings) > 0, 'a mention collected from the notifications has its counts re-read by the next run, by the instance\'s id')

  const theirs = await collect(ctx, ctx.theirs.id)
  t.equal(theirs.status, 'succeeded', theirs.error ?? '')
  t.equal(theirs.stats.ownMentions, 0)
  t.match(String(theirs.stats.notes), /this source's token belongs to @lea@social\.test/, 'the run says why the mentions were not read')
  t.same((await inbox(ctx, ctx.theirs.read, theirTopicId)).items, [], 'their inbox has none of our mentions')
})

t.test('Reddit: mentions of the brand are not collected without the account\'s own token, and the run says so', async (t) => {
  const ctx = await buildTestApp(t)
  const now = Math.floor(Date.now() / 1000)
  const reddit = await startRedditFake({
    clientId: 'own-client', clientSecret: 'own-secret',
    seed: {
      users: [{ id: 'a1', name: 'brandco' }, { id: 'a2', name: 'zoe' }],
      posts: [
        { id: 'p1', subreddit: 'bikes', title: 'u/brandco where is my refund?', author: 'zoe', createdUtc: now - 600 },
        { id: 'p2', subreddit: 'bikes', title: 'Un velo pliant', author: 'zoe', createdUtc: now - 300 },
      ],
    },
  })
  t.teardown(() => reddit.close())
  await ctx.database.db.insertInto('sources').values({
    workspace_id: ctx.mine.id, name: 'reddit', network: 'reddit', base_url: reddit.url, settings: { tokenUrl: `${reddit.url}/api/v1/access_token` },
    credentials: sealCredentials(TEST_SECRETS, { clientId: 'own-client', clientSecret: 'own-secret' }),
  }).execute()
  const topicId = await createTopic(ctx, ctx.mine.write, { reddit: ['u/brandco'] })
  const run = await collect(ctx, ctx.mine.id)
  t.equal(run.status, 'succeeded', run.error ?? '')
  t.equal(run.stats.ownMentionRequests, 0)
  t.equal(run.stats.ownMentions, 0)
  t.match(String(run.stats.notes), /own Reddit accounts are not collected: .*\/message\/mentions/)
  t.same((await inbox(ctx, ctx.mine.read, topicId)).items, [], 'the post naming u/brandco is not in the inbox')
})
