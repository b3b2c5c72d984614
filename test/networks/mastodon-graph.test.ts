import t from 'tap'
import type { Connector, FollowPage } from '../../src/pipeline/networks/connector.ts'
import { createMastodonConnector } from '../../src/pipeline/networks/mastodon/index.ts'
import type { NormalizedFollow } from '../../src/pipeline/networks/model.ts'
import { opaqueIds, startFakeMastodon, type FakeMastodon, type FakeMastodonAccount, type FakeMastodonFollow } from '../fakes/mastodon/index.ts'

const FOLLOWERS = 170

async function start(t: { teardown(fn: () => unknown): void }, followerCount = FOLLOWERS): Promise<FakeMastodon> {
  const followerIds = opaqueIds(followerCount, 3)
  const accounts: FakeMastodonAccount[] = [
    { id: 'star', username: 'star', domain: 'remote.example', displayName: 'Star', followersCount: 5000 },
    { id: 'hidden', username: 'hidden', hideCollections: true },
    ...followerIds.map((id, i) => ({ id, username: `fan${i}`, ...(i % 2 === 0 ? { domain: `instance${i % 5}.example` } : {}) })),
  ]
  const relationshipIds = opaqueIds(followerCount + 3, 4)
  const follows: FakeMastodonFollow[] = followerIds.map((id, i) => ({ id: relationshipIds[i], followerId: id, followeeId: 'star' }))
  follows.push({ id: relationshipIds[followerCount], followerId: 'star', followeeId: followerIds[0] })
  follows.push({ id: relationshipIds[followerCount + 1], followerId: 'star', followeeId: 'hidden' })
  follows.push({ id: relationshipIds[followerCount + 2], followerId: followerIds[1], followeeId: 'hidden' })
  const fake = await startFakeMastodon({ accounts, follows })
  t.teardown(() => fake.close())
  return fake
}

async function allPages(read: (cursor: string | null) => Promise<FollowPage>): Promise<{ follows: NormalizedFollow[]; pages: number }> {
  const follows: NormalizedFollow[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page = await read(cursor)
    pages++
    follows.push(...page.follows)
    cursor = page.cursor
  } while (cursor !== null && pages < 20)
  return { follows, pages }
}

function expectedFollowers(fake: FakeMastodon, followee: string): string[] {
  return fake.state.follows.items
    .filter((follow) => follow.followeeId === followee)
    .map((follow) => {
      const account = fake.state.accounts.get(follow.followerId)!
      return `${account.username}@${account.domain ?? fake.host}`
    })
}

t.test('followers of a remote account are collected through its local id, page after page', async (t) => {
  const fake = await start(t)
  const connector: Connector = createMastodonConnector({ baseUrl: fake.url })
  const { follows, pages } = await allPages((cursor) => connector.followersPage('star@remote.example', cursor))
  t.equal(pages, 3, '80 + 80 + 10: a short page has no next link')
  t.equal(follows.length, FOLLOWERS)
  t.same(new Set(follows.map((follow) => follow.followerExternalId)), new Set(expectedFollowers(fake, 'star')))
  t.ok(follows.every((follow) => follow.followeeExternalId === 'star@remote.example' && follow.network === 'mastodon'))
})

t.test('a list that ends exactly on a full page ends with an empty page', async (t) => {
  const fake = await start(t, 160)
  const connector = createMastodonConnector({ baseUrl: fake.url })
  const { follows, pages } = await allPages((cursor) => connector.followersPage('star@remote.example', cursor))
  t.equal(follows.length, 160)
  t.equal(pages, 3)
})

t.test('following lists the accounts the subject follows', async (t) => {
  const fake = await start(t)
  const connector = createMastodonConnector({ baseUrl: fake.url })
  const page = await connector.followingPage('Star@Remote.Example', null)
  const followee = fake.state.accounts.get(fake.state.follows.items[0].followerId)!
  t.same(
    page.follows.map((follow) => [follow.followerExternalId, follow.followeeExternalId]),
    [
      ['star@remote.example', `hidden@${fake.host}`],
      ['star@remote.example', `${followee.username}@${followee.domain}`],
    ],
  )
  t.equal(page.cursor, null)
  t.equal(page.accounts.length, 2)
})

t.test('hidden collections are an empty, finished list', async (t) => {
  const fake = await start(t)
  const connector = createMastodonConnector({ baseUrl: fake.url })
  const page = await connector.followersPage(`hidden@${fake.host}`, null)
  t.same(page, { follows: [], accounts: [], cursor: null })
})

t.test('an account the instance does not know is a not_found error', async (t) => {
  const fake = await start(t)
  const connector = createMastodonConnector({ baseUrl: fake.url })
  const error = await connector.followersPage('nobody@nowhere.example', null).catch((err: unknown) => err)
  t.match(error, { kind: 'not_found' })
})

t.test('profiles come with counts; unknown accounts are left out', async (t) => {
  const fake = await start(t)
  const connector = createMastodonConnector({ baseUrl: fake.url })
  const profiles = await connector.profiles(['star@remote.example', 'nobody@nowhere.example', `hidden@${fake.host}`])
  t.same(
    profiles.map((profile) => [profile.externalId, profile.followersCount, profile.followingCount]),
    [
      ['star@remote.example', 5000, 2],
      [`hidden@${fake.host}`, 2, 0],
    ],
  )
})

t.test('an author timeline pages by its Link header until the end', async (t) => {
  const fake = await startFakeMastodon({
    accounts: [{ id: 'w', username: 'writer', domain: 'pen.example' }],
    statuses: opaqueIds(95, 11).map((id, i) => ({ id, accountId: 'w', createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(), text: `note ${i}` })),
  })
  t.teardown(() => fake.close())
  const connector = createMastodonConnector({ baseUrl: fake.url })
  const seen: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page = await connector.authorPostsPage('writer@pen.example', cursor)
    seen.push(...page.posts.map((post) => post.text))
    cursor = page.cursor
    pages++
  } while (cursor !== null && pages < 10)
  t.equal(pages, 4, '40 + 40 + 15 + the empty page that has no Link')
  t.same(seen, Array.from({ length: 95 }, (_, i) => `note ${94 - i}`))
})
