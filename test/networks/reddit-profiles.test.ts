import t from 'tap'
import { createRedditConnector } from '../../src/pipeline/networks/reddit/index.ts'
import { NotSupportedError } from '../../src/pipeline/networks/errors.ts'
import type { RedditSeed } from '../fakes/reddit/seed.ts'
import { startRedditFake } from '../fakes/reddit/server.ts'

const seed: RedditSeed = {
  users: [
    { id: 'abc12', name: 'alice', subscribers: 1234, description: 'Rustacean', title: 'Alice A.' },
    { id: 'bob34', name: 'bob', subscribers: 0 },
    { id: 'sus99', name: 'suspended_sam', suspended: true },
  ],
  posts: Array.from({ length: 130 }, (_, i) => ({
    id: (1_000_000 + i).toString(36),
    subreddit: 'rust',
    title: `Alice post ${i}`,
    author: 'alice',
    createdUtc: 1_724_000_000 + i * 60,
  })),
}

async function setup(t: { teardown(fn: () => unknown): void }) {
  const fake = await startRedditFake({ seed })
  t.teardown(fake.close)
  return createRedditConnector({ baseUrl: fake.url, tokenUrl: `${fake.url}/api/v1/access_token`, clientId: 'fake-client-id', clientSecret: 'fake-client-secret' })
}

t.test('profiles: followers are the profile subreddit subscribers; unknown ids left out', async (t) => {
  const reddit = await setup(t)
  const profiles = await reddit.profiles(['t2_abc12', 't2_nobody', 'u/bob', 't2_abc12'])
  profiles.sort((a, b) => a.externalId.localeCompare(b.externalId))
  t.same(profiles, [
    { network: 'reddit', externalId: 't2_abc12', handle: 'u/alice', displayName: 'Alice A.', bio: 'Rustacean', url: 'https://www.reddit.com/user/alice/', followersCount: 1234, followingCount: null, postsCount: null },
    { network: 'reddit', externalId: 't2_bob34', handle: 'u/bob', displayName: null, bio: null, url: 'https://www.reddit.com/user/bob/', followersCount: 0, followingCount: null, postsCount: null },
  ])
})

t.test('a suspended user looked up by name has no id to key it by: left out', async (t) => {
  const reddit = await setup(t)
  t.same(await reddit.profiles(['suspended_sam', 't2_sus99']), [])
})

t.test('author posts are paged with the listing cursor', async (t) => {
  const reddit = await setup(t)
  const first = await reddit.authorPostsPage('t2_abc12', null)
  t.equal(first.posts.length, 100)
  t.not(first.cursor, null)
  const second = await reddit.authorPostsPage('t2_abc12', first.cursor)
  t.equal(second.posts.length, 30)
  t.equal(second.cursor, null)
  const all = [...first.posts, ...second.posts].map((p) => p.externalId)
  t.equal(new Set(all).size, 130)
  t.same(second.accounts.map((a) => a.externalId), ['t2_abc12'])
})

t.test('an unknown author is a not_found error', async (t) => {
  const reddit = await setup(t)
  await t.rejects(reddit.authorPostsPage('t2_gone', null), { kind: 'not_found', message: /Reddit has no user t2_gone/ })
})

t.test('no follower graph on Reddit', async (t) => {
  const reddit = await setup(t)
  t.equal(reddit.capabilities.followGraph, false)
  await t.rejects(reddit.followersPage('t2_abc12', null), NotSupportedError)
  await t.rejects(reddit.followingPage('t2_abc12', null), { kind: 'not_supported', message: /Reddit has no follower graph/ })
})
