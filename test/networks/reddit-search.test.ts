import t from 'tap'
import { SEARCH_INDEX_OVERLAP_S } from '../../src/pipeline/networks/reddit/search-walk.ts'
import type { Checkpoint, Connector } from '../../src/pipeline/networks/connector.ts'
import type { SearchSpec } from '../../src/pipeline/query/search-spec.ts'
import type { NormalizedAccount, NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { createRedditConnector } from '../../src/pipeline/networks/reddit/index.ts'
import { NotSupportedError } from '../../src/pipeline/networks/errors.ts'
import { generateRedditSeed, toBase36, type RedditSeed } from '../fakes/reddit/seed.ts'
import { startRedditFake, type RedditFake } from '../fakes/reddit/server.ts'
import { enrichPost } from '../../src/pipeline/ingest/enrich/index.ts'

const spec: SearchSpec = { kind: 'query', q: 'rustlang' }

/** Pages until `done` (or `maxPages`), as the collection job does. */
async function drain(connector: Connector, checkpoint: Checkpoint | null, maxPages = Infinity) {
  const posts: NormalizedPost[] = []
  const accounts: NormalizedAccount[] = []
  let pages = 0
  let done = false
  let current = checkpoint
  while (!done && pages < maxPages) {
    const page = await connector.searchPage(spec, current)
    posts.push(...page.posts)
    accounts.push(...page.accounts)
    current = page.checkpoint
    done = page.done
    pages++
  }
  return { posts, accounts, pages, done, checkpoint: current }
}

/** What a search for the topic should find, computed from the seed alone. */
function expectedIds(seed: RedditSeed, word = 'rustlang'): string[] {
  return seed.posts.filter((p) => `${p.title} ${p.selftext ?? ''}`.toLowerCase().includes(word)).map((p) => `t3_${p.id}`).sort()
}

async function setup(t: { teardown(fn: () => unknown): void }, seed: RedditSeed) {
  const fake = await startRedditFake({ seed })
  t.teardown(fake.close)
  const connect = () => createRedditConnector({ baseUrl: fake.url, tokenUrl: `${fake.url}/api/v1/access_token`, clientId: 'fake-client-id', clientSecret: 'fake-client-secret' })
  return { fake, connect }
}

const ids = (posts: NormalizedPost[]) => posts.map((p) => p.externalId).sort()

t.test('a multi-page search is collected completely, without duplicates', async (t) => {
  const seed = generateRedditSeed(250)
  const { connect } = await setup(t, seed)
  const run = await drain(connect(), null)
  t.equal(run.pages, 3)
  t.ok(run.done)
  t.same(ids(run.posts), expectedIds(seed))
  t.equal(new Set(ids(run.posts)).size, run.posts.length, 'no duplicates')
  t.equal(run.posts.length, 250)
})

t.test('stopping half-way and resuming from the checkpoint gives the same set', async (t) => {
  const seed = generateRedditSeed(250)
  const { connect } = await setup(t, seed)
  const first = await drain(connect(), null, 1)
  t.notOk(first.done)
  // A new process picks up the stored checkpoint (through JSON, as the database stores it).
  const stored = JSON.parse(JSON.stringify(first.checkpoint)) as Checkpoint
  const rest = await drain(connect(), stored)
  const all = [...first.posts, ...rest.posts]
  t.same(ids(all), expectedIds(seed))
  t.equal(new Set(ids(all)).size, all.length, 'no duplicates across the restart')
})

t.test('a second run returns the posts newer than the first run saw, and the overlap behind them again', async (t) => {
  const seed = generateRedditSeed(120)
  const { fake, connect } = await setup(t, seed)
  const first = await drain(connect(), null)
  const newest = Math.max(...seed.posts.map((p) => p.createdUtc))
  const fresh = Array.from({ length: 130 }, (_, i) => ({
    id: toBase36(2_000_000_000 + i),
    subreddit: 'rust',
    title: `Fresh rustlang post ${i}`,
    author: 'user_2',
    createdUtc: newest + 10 + i * 3,
  }))
  // Shares the second of the previous run's newest post, was not there yet, and is listed after it.
  const sameSecond = { id: toBase36(5), subreddit: 'rust', title: 'Late rustlang', author: 'user_3', createdUtc: Math.max(...seed.posts.filter((p) => p.title.includes('rustlang') || (p.selftext ?? '').includes('rustlang')).map((p) => p.createdUtc)) }
  fake.seed.posts.push(...fresh, sameSecond)
  const second = await drain(connect(), first.checkpoint)
  const secondIds = new Set(ids(second.posts))
  t.ok([...fresh.map((p) => `t3_${p.id}`), `t3_${sameSecond.id}`].every((id) => secondIds.has(id)), 'every new post, the late one of the same second too')
  const firstIds = new Set(ids(first.posts))
  const again = second.posts.filter((p) => firstIds.has(p.externalId))
  t.ok(again.every((p) => p.createdAt.getTime() / 1000 >= newest - SEARCH_INDEX_OVERLAP_S - 1), `the ${again.length} posts read again are the overlap, no older`)
  t.equal(second.posts.length, fresh.length + 1 + again.length, 'nothing else')
  t.ok(second.pages >= 2, 'the new posts span two pages')
  const third = await drain(connect(), second.checkpoint)
  t.ok(third.posts.every((p) => secondIds.has(p.externalId)), 'nothing new: only the overlap again')
  t.ok(third.done)
})

t.test('posts are normalised: text, time, absolute permalink, authors, mentions, links', async (t) => {
  const seed: RedditSeed = {
    users: [{ id: 'abc12', name: 'alice' }, { id: 'bob34', name: 'bob' }],
    posts: [
      { id: '1ex2abc', subreddit: 'rust', title: 'Loving rustlang & <generics>', selftext: 'Ask u/bob and /u/carol_x about https://example.org/a?b=1&c=2 or https://fr.wikipedia.org/wiki/Rust_(langage).', author: 'alice', createdUtc: 1724235330.5, score: 42, numComments: 7 },
      { id: '1ex2abd', subreddit: 'rust', title: 'rustlang link post', author: '[deleted]', createdUtc: 1724235300, url: 'https://news.example/x' },
      { id: '1ex2abe', subreddit: 'rust', title: 'rustlang removed', selftext: '[removed]', author: 'bob', createdUtc: 1724235200 },
    ],
  }
  const { connect } = await setup(t, seed)
  const page = await connect().searchPage(spec, null)
  t.ok(page.done)
  const [loving, link, removed] = page.posts
  t.same(loving, {
    network: 'reddit',
    externalId: 't3_1ex2abc',
    authorExternalId: 't2_abc12',
    createdAt: new Date('2024-08-21T10:15:30.500Z'),
    text: 'Loving rustlang & <generics>\n\nAsk u/bob and /u/carol_x about https://example.org/a?b=1&c=2 or https://fr.wikipedia.org/wiki/Rust_(langage).',
    lang: null,
    url: 'https://www.reddit.com/r/rust/comments/1ex2abc/loving_rustlang_generics_/',
    replyToExternalId: null,
    replyToAuthorExternalId: null,
    repostOfExternalId: null,
    quoteOfExternalId: null,
    likes: 42,
    reposts: 0,
    replies: 7,
    quotes: 0,
    hashtags: [],
    mentions: [],
    links: [],
  })
  const stored = enrichPost(loving)
  t.same(stored.mentions, [{ externalId: null, handle: 'u/bob' }, { externalId: null, handle: 'u/carol_x' }], 'mentions found in the text by enrichment')
  t.same(stored.links, ['https://example.org/a?b=1&c=2', 'https://fr.wikipedia.org/wiki/Rust_(langage)'], 'links found whole, parentheses included, once each')
  t.equal(link.authorExternalId, null, 'deleted author has no id')
  t.same(link.links, ['https://news.example/x'], 'a link post: the link Reddit reports')
  t.equal(removed.text, 'rustlang removed', 'a removed body is not text')
  t.same(page.accounts.map((a) => [a.externalId, a.handle]).sort(), [['t2_abc12', 'u/alice'], ['t2_bob34', 'u/bob']], 'no account for [deleted]')
})

t.test('an empty result ends the walk at once', async (t) => {
  const { connect } = await setup(t, generateRedditSeed(30))
  const page = await connect().searchPage({ kind: 'query', q: 'nothing-matches-this' }, null)
  t.same(page.posts, [])
  t.ok(page.done)
  t.same(page.checkpoint, { v: 1, newest: null, walk: null })
})

t.test('hashtag specs are refused: Reddit has no hashtag timelines', async (t) => {
  const { connect } = await setup(t, generateRedditSeed(3))
  await t.rejects(connect().searchPage({ kind: 'hashtag', tag: 'rust' }, null), NotSupportedError)
})

t.test('a post indexed late, created before the newest post seen, is found by the next run', async (t) => {
  const seed = generateRedditSeed(60)
  const { fake, connect } = await setup(t, seed)
  const first = await drain(connect(), null)
  const newestSeen = Math.max(...first.posts.map((p) => p.createdAt.getTime() / 1000))
  const late = { id: toBase36(3_000_000_000), subreddit: 'rust', title: 'Indexed late, rustlang', author: 'user_4', createdUtc: newestSeen - 5 * 60 }
  fake.seed.posts.push(late)
  const second = await drain(connect(), first.checkpoint)
  t.ok(ids(second.posts).includes(`t3_${late.id}`), 'found five minutes behind the newest post seen')
})
