import t from 'tap'
import type { Checkpoint } from '../../src/pipeline/networks/connector.ts'
import type { NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { createXConnector, type XConnector, type XPartialError } from '../../src/pipeline/networks/x/index.ts'
import { SEARCH_INDEX_OVERLAP_MS, sinceIdWithOverlap } from '../../src/pipeline/networks/x/search-walk.ts'
import { generateXSeed, snowflake, type XSeed } from '../fakes/x/seed.ts'
import { startXFake, type XFake, type XFakeOptions } from '../fakes/x/server.ts'

const spec = { kind: 'query', q: '#rustlang -is:retweet' } as const

async function drain(connector: XConnector, checkpoint: Checkpoint | null, maxPages = Infinity) {
  const posts: NormalizedPost[] = []
  const partialErrors: XPartialError[] = []
  let pages = 0
  let done = false
  let current = checkpoint
  while (!done && pages < maxPages) {
    const page = await connector.searchPage(spec, current)
    posts.push(...page.posts)
    partialErrors.push(...page.partialErrors)
    current = page.checkpoint
    done = page.done
    pages++
  }
  return { posts, partialErrors, pages, done, checkpoint: current }
}

/** Original posts (not retweets) carrying the hashtag: what recent search returns. */
const expectedIds = (seed: XSeed) => seed.tweets.filter((tw) => !tw.retweetOf && /#rustlang\b/i.test(tw.text)).map((tw) => tw.id).sort()
const ids = (posts: NormalizedPost[]) => posts.map((p) => p.externalId).sort()

async function setup(t: { teardown(fn: () => unknown): void }, seed: XSeed, extra: Partial<XFakeOptions> = {}): Promise<{ fake: XFake; connect: () => XConnector }> {
  const fake = await startXFake({ seed, ...extra })
  t.teardown(fake.close)
  return { fake, connect: () => createXConnector({ baseUrl: fake.url, bearerToken: 'fake-bearer-token' }) }
}

t.test('a multi-page search is collected completely, without duplicates', async (t) => {
  const seed = generateXSeed(330)
  const { fake, connect } = await setup(t, seed)
  const run = await drain(connect(), null)
  t.equal(run.pages, 4)
  t.same(ids(run.posts), expectedIds(seed))
  t.equal(new Set(ids(run.posts)).size, run.posts.length)
  const first = fake.requests[0].query
  t.equal(first.get('max_results'), '100')
  t.equal(first.get('tweet.fields'), 'created_at,lang,public_metrics,entities,referenced_tweets,conversation_id,in_reply_to_user_id,note_tweet,author_id')
  t.equal(first.get('expansions'), 'author_id,referenced_tweets.id,referenced_tweets.id.author_id,entities.mentions.username,in_reply_to_user_id')
})

t.test('stopping half-way and resuming from the checkpoint gives the same set', async (t) => {
  const seed = generateXSeed(330)
  const { connect } = await setup(t, seed)
  const first = await drain(connect(), null, 2)
  t.notOk(first.done)
  const rest = await drain(connect(), JSON.parse(JSON.stringify(first.checkpoint)) as Checkpoint)
  const all = [...first.posts, ...rest.posts]
  t.same(ids(all), expectedIds(seed))
  t.equal(new Set(ids(all)).size, all.length)
})

t.test('a second run asks for posts newer than a search-index overlap behind the first run’s newest (since_id)', async (t) => {
  const seed = generateXSeed(150)
  const { fake, connect } = await setup(t, seed)
  const first = await drain(connect(), null)
  const newestOfFirst = expectedIds(seed).reduce((a, b) => (BigInt(a) > BigInt(b) ? a : b))
  const newestMs = Math.max(...seed.tweets.map((tw) => Date.parse(tw.createdAt)))
  const fresh = Array.from({ length: 120 }, (_, i) => ({
    id: snowflake(newestMs + 60_000 + i * 1000, i),
    authorId: seed.users[1].id,
    text: `Fresh #rustlang news ${i}`,
    createdAt: new Date(newestMs + 60_000 + i * 1000).toISOString(),
  }))
  fake.seed.tweets.push(...fresh)
  const before = fake.requests.length
  const second = await drain(connect(), first.checkpoint)
  const secondIds = new Set(ids(second.posts))
  t.ok(fresh.every((f) => secondIds.has(f.id)), 'every new post')
  const firstIds = new Set(ids(first.posts))
  const cutoff = newestMs - SEARCH_INDEX_OVERLAP_MS
  const again = second.posts.filter((p) => !fresh.some((f) => f.id === p.externalId))
  t.ok(again.length > 0 && again.every((p) => firstIds.has(p.externalId) && p.createdAt.getTime() >= cutoff - 1000), `the ${again.length} posts of the overlap again, no older ones`)
  const sent = new Set(fake.requests.slice(before).map((r) => r.query.get('since_id')))
  t.same([...sent], [sinceIdWithOverlap(newestOfFirst)], 'since_id fixed across the walk, 15 minutes behind the newest post seen')
  const third = await drain(connect(), second.checkpoint)
  t.ok(third.posts.every((p) => secondIds.has(p.externalId)), 'nothing new: only the overlap again')
  t.ok(third.done)
})

t.test('a post indexed late, with an id older than the newest seen, is found by the next run', async (t) => {
  const seed = generateXSeed(40, { startMs: Date.now() - 3 * 60 * 60_000 })
  const { fake, connect } = await setup(t, seed)
  // Not yet in the search index at the first run.
  const newestMs = Math.max(...seed.tweets.map((tw) => Date.parse(tw.createdAt)))
  const lateMs = newestMs - 5 * 60_000
  const late = { id: snowflake(lateMs, 4000), authorId: seed.users[2].id, text: 'Indexed late #rustlang', createdAt: new Date(lateMs).toISOString() }
  const first = await drain(connect(), null)
  t.notOk(ids(first.posts).includes(late.id))
  fake.seed.tweets.push(late)
  const second = await drain(connect(), first.checkpoint)
  t.ok(ids(second.posts).includes(late.id), 'found five minutes behind the newest post seen')
})

t.test('an empty result ({"meta":{"result_count":0}}) ends the walk', async (t) => {
  const { connect } = await setup(t, generateXSeed(20))
  const page = await connect().searchPage({ kind: 'query', q: 'nothing-matches' }, null)
  t.same(page.posts, [])
  t.same(page.accounts, [])
  t.ok(page.done)
  t.same(page.checkpoint, { v: 1, sinceId: null, walk: null })
})

t.test('posts are normalised: reply, quote, mentions, hashtags, links, long text, language', async (t) => {
  const users = [
    { id: '2244994945', username: 'alice', name: 'Alice', description: 'Rustacean' },
    { id: '783214', username: 'Bob', name: 'Bob' },
  ]
  const quoted = { id: '1826100000000000000', authorId: '783214', text: 'Original about #rustlang', createdAt: '2024-08-21T09:00:00.000Z', lang: 'en' }
  const reply = {
    id: '1826213456789012345',
    authorId: '2244994945',
    text: `Loving #RustLang today @bob ${'very long '.repeat(30)}end`,
    createdAt: '2024-08-21T10:15:30.000Z',
    lang: 'en-GB',
    links: ['https://example.org/article'],
    replyTo: { id: quoted.id, userId: '783214' },
    quoteOf: quoted.id,
    likes: 12,
    retweets: 5,
    replies: 2,
  }
  const { connect } = await setup(t, { users, tweets: [quoted, reply], follows: [['783214', '2244994945']] })
  const page = await connect().searchPage({ kind: 'query', q: 'loving' }, null)
  t.equal(page.posts.length, 1)
  const [post] = page.posts
  t.same(post, {
    network: 'x',
    externalId: reply.id,
    authorExternalId: '2244994945',
    createdAt: new Date('2024-08-21T10:15:30.000Z'),
    text: `${reply.text} https://t.co/l027`,
    lang: 'en',
    url: 'https://x.com/alice/status/1826213456789012345',
    replyToExternalId: quoted.id,
    replyToAuthorExternalId: '783214',
    repostOfExternalId: null,
    quoteOfExternalId: quoted.id,
    likes: 12,
    reposts: 5,
    replies: 2,
    quotes: 0,
    hashtags: ['rustlang'],
    mentions: [{ externalId: '783214', handle: 'bob' }],
    links: ['https://example.org/article'],
  })
  const alice = page.accounts.find((a) => a.externalId === '2244994945')
  t.same(alice, { network: 'x', externalId: '2244994945', handle: 'alice', displayName: 'Alice', bio: 'Rustacean', url: 'https://x.com/alice', followersCount: 1, followingCount: 0, postsCount: 1 })
  t.same(page.accounts.map((a) => a.externalId).sort(), ['2244994945', '783214'], 'author and the replied-to / mentioned user')
})

t.test('partial errors in a 200 response keep the data and are reported', async (t) => {
  const users = [{ id: '1', username: 'alice', name: 'Alice' }]
  const tweets = [{ id: '1826213456789012345', authorId: '1', text: 'Quoting a deleted post #rustlang', createdAt: '2024-08-21T10:15:30.000Z', quoteOf: '1553481126915854339' }]
  const fake = await startXFake({ seed: { users, tweets, follows: [] } })
  t.teardown(fake.close)
  const logged: XPartialError[] = []
  const connector = createXConnector({ baseUrl: fake.url, bearerToken: 'fake-bearer-token', onPartialErrors: (errors) => logged.push(...errors) })
  const page = await connector.searchPage(spec, null)
  t.same(page.posts.map((p) => [p.externalId, p.quoteOfExternalId]), [['1826213456789012345', '1553481126915854339']])
  t.equal(page.partialErrors.length, 1)
  t.match(page.partialErrors[0], { title: 'Not Found Error', resource_id: '1553481126915854339', detail: /Could not find tweet/ })
  t.same(logged, page.partialErrors)
})
