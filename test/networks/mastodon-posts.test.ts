import t from 'tap'
import { createMastodonConnector } from '../../src/pipeline/networks/mastodon/index.ts'
import type { NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { startFakeMastodon, type FakeMastodon, type FakeMastodonSeed } from '../fakes/mastodon/index.ts'

function seed(overrides: Partial<FakeMastodonSeed> = {}): FakeMastodonSeed {
  return {
    accounts: [
      { id: '1', username: 'Alice', domain: 'other.example', displayName: 'Alice A.', note: '<p>Rustacean &amp; cook</p>' },
      { id: '2', username: 'bob', displayName: 'Bob' },
      { id: '3', username: 'carol', domain: 'third.example' },
    ],
    statuses: [
      { id: '10', accountId: '1', createdAt: '2024-08-21T10:00:00.000Z', text: 'Loving #RustLang today, cc @bob\n\nsee https://blog.example/post?id=1&x=2', language: 'EN' },
      { id: '11', accountId: '2', createdAt: '2024-08-21T10:01:00.000Z', text: '@Alice@other.example agreed #rustlang', inReplyToId: '10', language: 'fr' },
      { id: '12', accountId: '2', createdAt: '2024-08-21T10:02:00.000Z', reblogOfId: '10' },
      { id: '13', accountId: '3', createdAt: '2024-08-21T10:03:00.000Z', text: 'Quoting this #rustlang', quote: { statusId: '10' } },
      { id: '14', accountId: '3', createdAt: '2024-08-21T10:04:00.000Z', text: 'Pending quote #rustlang', quote: { statusId: '11', state: 'pending' } },
      { id: '15', accountId: '2', createdAt: '2024-08-21T10:05:00.000Z', text: 'Shallow quote #rustlang', quote: { statusId: '11', shallow: true } },
      { id: '16', accountId: '1', createdAt: '2024-08-21T10:06:00.000Z', text: 'Soon gone', language: null },
      { id: '17', accountId: '3', createdAt: '2024-08-21T10:07:00.000Z', text: '@Alice@other.example replying to a deleted post #rustlang', inReplyToId: '16' },
      { id: '18', accountId: '2', createdAt: '2024-08-21T10:08:00.000Z', text: 'Quote of a deleted post #rustlang', quote: { statusId: '16' } },
    ],
    ...overrides,
  }
}

async function start(t: { teardown(fn: () => unknown): void }, overrides?: Partial<FakeMastodonSeed>): Promise<FakeMastodon> {
  const fake = await startFakeMastodon(seed(overrides))
  fake.state.deleteStatus('16')
  t.teardown(() => fake.close())
  return fake
}

const byId = (posts: NormalizedPost[], uri: string): NormalizedPost => {
  const post = posts.find((candidate) => candidate.externalId === uri)
  if (post === undefined) throw new Error(`no post ${uri}`)
  return post
}

t.test('a status becomes a post keyed by its uri, with plain text, entities and user@host authors', async (t) => {
  const fake = await start(t)
  const connector = createMastodonConnector({ baseUrl: fake.url })
  const page = await connector.searchPage({ kind: 'hashtag', tag: 'rustlang' }, null)
  const original = byId(page.posts, 'https://other.example/users/Alice/statuses/10')
  t.match(original, {
    network: 'mastodon',
    authorExternalId: 'alice@other.example',
    text: 'Loving #RustLang today, cc @bob\n\nsee https://blog.example/post?id=1&x=2',
    lang: 'en',
    url: 'https://other.example/@Alice/10',
    hashtags: ['rustlang'],
    mentions: [{ externalId: `bob@${fake.host}`, handle: `bob@${fake.host}` }],
    links: ['https://blog.example/post?id=1&x=2'],
    replies: 1,
    reposts: 1,
    quotes: 1,
  })
  t.same(original.createdAt, new Date('2024-08-21T10:00:00.000Z'))
  const alice = page.accounts.find((account) => account.externalId === 'alice@other.example')
  t.match(alice, { handle: 'Alice@other.example', displayName: 'Alice A.', bio: 'Rustacean & cook', url: 'https://other.example/@Alice' })
})

t.test('replies point at the parent uri and its author, even when the reply is seen first', async (t) => {
  const fake = await start(t)
  const connector = createMastodonConnector({ baseUrl: fake.url })
  const page = await connector.searchPage({ kind: 'hashtag', tag: 'rustlang' }, null)
  const reply = byId(page.posts, `${fake.url}/users/bob/statuses/11`)
  t.equal(reply.replyToExternalId, 'https://other.example/users/Alice/statuses/10')
  t.equal(reply.replyToAuthorExternalId, 'alice@other.example')
  t.equal(reply.lang, 'fr')
  t.same(reply.mentions, [{ externalId: 'alice@other.example', handle: 'Alice@other.example' }])
})

t.test('a reply to a deleted post keeps its parent author and no parent post', async (t) => {
  for (const batchStatusLookup of [true, false]) {
    const fake = await start(t, { batchStatusLookup })
    const page = await createMastodonConnector({ baseUrl: fake.url }).searchPage({ kind: 'hashtag', tag: 'rustlang' }, null)
    const reply = byId(page.posts, 'https://third.example/users/carol/statuses/17')
    t.equal(reply.replyToExternalId, null, `batch lookup ${batchStatusLookup}`)
    t.equal(reply.replyToAuthorExternalId, 'alice@other.example', 'from the mention of the parent author')
  }
})

t.test('a boost is unwrapped into the original and a repost by the booster', async (t) => {
  const fake = await start(t)
  const page = await createMastodonConnector({ baseUrl: fake.url }).authorPostsPage(`bob@${fake.host}`, null)
  const boost = byId(page.posts, `${fake.url}/users/bob/statuses/12/activity`)
  t.match(boost, {
    authorExternalId: `bob@${fake.host}`,
    text: '',
    repostOfExternalId: 'https://other.example/users/Alice/statuses/10',
    replyToExternalId: null,
    quoteOfExternalId: null,
    hashtags: [],
  })
  const original = byId(page.posts, 'https://other.example/users/Alice/statuses/10')
  t.equal(original.authorExternalId, 'alice@other.example', 'the original stays with its author')
  t.ok(page.accounts.some((account) => account.externalId === 'alice@other.example'))
})

t.test('quotes: accepted ones point at the quoted post, others do not', async (t) => {
  const fake = await start(t)
  const page = await createMastodonConnector({ baseUrl: fake.url }).searchPage({ kind: 'hashtag', tag: 'rustlang' }, null)
  const bobReply = `${fake.url}/users/bob/statuses/11`
  t.equal(byId(page.posts, 'https://third.example/users/carol/statuses/13').quoteOfExternalId, 'https://other.example/users/Alice/statuses/10')
  t.equal(byId(page.posts, 'https://third.example/users/carol/statuses/14').quoteOfExternalId, null, 'pending')
  t.equal(byId(page.posts, `${fake.url}/users/bob/statuses/15`).quoteOfExternalId, bobReply, 'shallow quote resolved by id')
  t.equal(byId(page.posts, `${fake.url}/users/bob/statuses/18`).quoteOfExternalId, null, 'quoted post deleted')
  t.equal(new Set(page.posts.map((post) => post.externalId)).size, page.posts.length, 'each post once per page')
})

t.test('a shallow quote of a post the connector never saw is looked up by id', async (t) => {
  const fake = await start(t, { batchStatusLookup: false })
  const page = await createMastodonConnector({ baseUrl: fake.url }).authorPostsPage(`bob@${fake.host}`, null, undefined)
  const shallow = byId(page.posts, `${fake.url}/users/bob/statuses/15`)
  t.equal(shallow.quoteOfExternalId, `${fake.url}/users/bob/statuses/11`)
})

t.test('content warnings are part of the text', async (t) => {
  const fake = await start(t, {
    statuses: [{ id: '1', accountId: '2', createdAt: '2024-08-21T10:00:00.000Z', text: 'the spoiler #films', spoilerText: 'Film ending' }],
  })
  const page = await createMastodonConnector({ baseUrl: fake.url }).searchPage({ kind: 'hashtag', tag: 'films' }, null)
  t.equal(page.posts[0].text, 'Film ending\n\nthe spoiler #films')
})
