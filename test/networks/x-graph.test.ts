import t from 'tap'
import { createXConnector } from '../../src/pipeline/networks/x/index.ts'
import type { XSeed, XSeedUser } from '../fakes/x/seed.ts'
import { startXFake, type XFakeOptions } from '../fakes/x/server.ts'

async function setup(t: { teardown(fn: () => unknown): void }, seed: XSeed, extra: Partial<XFakeOptions> = {}) {
  const fake = await startXFake({ seed, ...extra })
  t.teardown(fake.close)
  return { fake, x: createXConnector({ baseUrl: fake.url, bearerToken: 'fake-bearer-token' }) }
}

const star: XSeedUser = { id: '100', username: 'star', name: 'Star' }
const fans: XSeedUser[] = Array.from({ length: 2300 }, (_, i) => ({ id: String(10_000 + i), username: `fan${i}`, name: `Fan ${i}` }))

t.test('followers are paged 1000 at a time until the list ends', async (t) => {
  const seed: XSeed = { users: [star, ...fans], tweets: [], follows: fans.map((f) => [f.id, star.id] as [string, string]) }
  const { fake, x } = await setup(t, seed)
  const follows = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page = await x.followersPage(star.id, cursor)
    follows.push(...page.follows)
    cursor = page.cursor
    pages++
  } while (cursor !== null)
  t.equal(pages, 3)
  t.equal(follows.length, 2300)
  t.equal(new Set(follows.map((f) => f.followerExternalId)).size, 2300)
  t.ok(follows.every((f) => f.followeeExternalId === star.id && f.network === 'x'))
  t.equal(fake.requests[0].query.get('max_results'), '1000')
})

t.test('following: the account is the follower; an empty list is {"meta":{"result_count":0}}', async (t) => {
  const seed: XSeed = { users: [star, ...fans.slice(0, 3)], tweets: [], follows: [[star.id, fans[0].id], [star.id, fans[2].id]] }
  const { x } = await setup(t, seed)
  const page = await x.followingPage(star.id, null)
  t.same(page.follows.map((f) => [f.followerExternalId, f.followeeExternalId]).sort(), [[star.id, fans[0].id], [star.id, fans[2].id]])
  t.same(page.accounts.map((a) => a.handle).sort(), ['fan0', 'fan2'])
  t.equal(page.cursor, null)
  const none = await x.followingPage(fans[1].id, null)
  t.same(none, { follows: [], accounts: [], cursor: null })
})

t.test('profiles: batched by 100, with counts; unknown ids left out', async (t) => {
  const seed: XSeed = { users: [star, ...fans.slice(0, 150)], tweets: [], follows: fans.slice(0, 150).map((f) => [f.id, star.id] as [string, string]) }
  const { fake, x } = await setup(t, seed)
  const wanted = [star.id, ...fans.slice(0, 150).map((f) => f.id), '999999']
  const profiles = await x.profiles(wanted)
  t.equal(profiles.length, 151)
  t.same(profiles.find((p) => p.externalId === star.id), { network: 'x', externalId: '100', handle: 'star', displayName: 'Star', bio: null, url: 'https://x.com/star', followersCount: 150, followingCount: 0, postsCount: 0 })
  t.same(fake.requests.map((r) => r.query.get('ids')?.split(',').length), [100, 52])
})

for (const includesKey of ['tweets', 'posts'] as const) {
  t.test(`author timeline: a retweet unwraps its original (includes.${includesKey})`, async (t) => {
    const users = [{ id: '1', username: 'alice', name: 'Alice' }, { id: '2', username: 'bob', name: 'Bob' }]
    const tweets = [
      { id: '1826100000000000000', authorId: '2', text: 'Original by bob #rustlang', createdAt: '2024-08-21T09:00:00.000Z', likes: 40, retweets: 3 },
      { id: '1826200000000000000', authorId: '1', text: 'RT @bob: Original by bob #rustlang', createdAt: '2024-08-21T10:00:00.000Z', retweetOf: '1826100000000000000' },
      { id: '1826300000000000000', authorId: '1', text: 'My own post', createdAt: '2024-08-21T11:00:00.000Z' },
    ]
    const { x } = await setup(t, { users, tweets, follows: [] }, { includesKey })
    const page = await x.authorPostsPage('1', null)
    const byId = new Map(page.posts.map((p) => [p.externalId, p]))
    t.same([...byId.keys()].sort(), tweets.map((tw) => tw.id).sort())
    t.equal(byId.get('1826200000000000000')?.repostOfExternalId, '1826100000000000000')
    t.match(byId.get('1826100000000000000'), { authorExternalId: '2', text: 'Original by bob #rustlang', likes: 40, url: 'https://x.com/bob/status/1826100000000000000' })
    t.equal(page.cursor, null)
  })
}
