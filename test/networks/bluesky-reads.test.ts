import t from 'tap'
import { createBlueskyConnector } from '../../src/pipeline/networks/bluesky/index.ts'
import type { Connector, FollowPage } from '../../src/pipeline/networks/connector.ts'
import type { NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { postUri, repostUri, startFakeBluesky, type FakeBluesky, type FakeBlueskyActor, type FakeBlueskyFollow } from '../fakes/bluesky/index.ts'

const ANN = 'did:plc:ann'
const BEN = 'did:plc:ben'
const CAT = 'did:plc:cat'

async function start(t: { teardown(fn: () => unknown): void }): Promise<FakeBluesky> {
  const fans: FakeBlueskyActor[] = Array.from({ length: 230 }, (_, i) => ({
    did: `did:plc:fan${i}`,
    handle: `fan${i}.test`,
    ...(i % 10 === 3 ? { takenDown: true } : {}),
  }))
  const follows: FakeBlueskyFollow[] = [
    ...fans.map((fan) => ({ followerDid: fan.did, followeeDid: ANN })),
    { followerDid: ANN, followeeDid: BEN },
    { followerDid: ANN, followeeDid: CAT },
  ]
  const fake = await startFakeBluesky({
    actors: [
      { did: ANN, handle: 'ann.test', displayName: 'Ann', description: 'Solar engineer' },
      { did: BEN, handle: 'handle.invalid' },
      { did: CAT, handle: 'cat.test' },
      ...fans,
    ],
    posts: [
      { rkey: 'p1', authorDid: BEN, text: 'Original by Ben 🌞 #Solar', createdAt: '2024-08-21T09:00:00.000Z', langs: ['pt-BR'], likes: 4 },
      { rkey: 'p2', authorDid: CAT, text: 'Soon deleted', createdAt: '2024-08-21T09:30:00.000Z' },
      { rkey: 'p3', authorDid: ANN, text: 'Replying to a deleted post', createdAt: '2024-08-21T10:00:00.000Z', replyTo: { parent: postUri(CAT, 'p2') } },
      { rkey: 'p4', authorDid: ANN, text: 'Replying to Ben @cat.test', createdAt: '2024-08-21T10:05:00.000Z', replyTo: { parent: postUri(BEN, 'p1') } },
      { rkey: 'p5', authorDid: ANN, text: 'Quoting Ben', createdAt: '2024-08-21T10:10:00.000Z', quote: { uri: postUri(BEN, 'p1') } },
      { rkey: 'p6', authorDid: ANN, text: 'Quote with a photo', createdAt: '2024-08-21T10:15:00.000Z', quote: { uri: postUri(BEN, 'p1'), withMedia: true } },
      { rkey: 'p7', authorDid: ANN, text: 'Sharing a feed', createdAt: '2024-08-21T10:20:00.000Z', quote: { uri: `at://${CAT}/app.bsky.feed.generator/solar` } },
      { rkey: 'p8', authorDid: CAT, text: 'Cat original', createdAt: '2024-08-21T08:00:00.000Z' },
    ],
    reposts: [
      { rkey: 'r1', byDid: ANN, subjectUri: postUri(BEN, 'p1'), indexedAt: '2024-08-21T11:00:00.000Z' },
      { rkey: 'r2', byDid: ANN, subjectUri: postUri(CAT, 'p8'), indexedAt: '2024-08-21T11:05:00.000Z', omitUri: true },
    ],
    follows,
  })
  fake.state.deletePost(postUri(CAT, 'p2'))
  t.teardown(() => fake.close())
  return fake
}

const find = (posts: NormalizedPost[], id: string): NormalizedPost => {
  const post = posts.find((candidate) => candidate.externalId === id)
  if (post === undefined) throw new Error(`no post ${id}`)
  return post
}

t.test('an author feed: posts, replies, quotes, and reposts attributed to the reposter', async (t) => {
  const fake = await start(t)
  const connector = createBlueskyConnector({ appViewUrl: fake.url })
  const page = await connector.authorPostsPage(ANN, null)
  t.equal(page.cursor, null)
  const posts = page.posts

  const original = find(posts, postUri(BEN, 'p1'))
  t.match(original, { authorExternalId: BEN, text: 'Original by Ben 🌞 #Solar', lang: 'pt', hashtags: ['solar'], likes: 4, reposts: 1, quotes: 2 })
  t.equal(original.url, `https://bsky.app/profile/${BEN}/post/p1`)
  t.match(find(posts, repostUri(ANN, 'r1')), { authorExternalId: ANN, text: '', repostOfExternalId: postUri(BEN, 'p1') })
  t.same(find(posts, repostUri(ANN, 'r1')).createdAt, new Date('2024-08-21T11:00:00.000Z'))
  t.match(find(posts, `repost:${ANN}:${postUri(CAT, 'p8')}`), { authorExternalId: ANN, repostOfExternalId: postUri(CAT, 'p8') }, 'synthetic id when the repost uri is missing')
  t.equal(find(posts, postUri(CAT, 'p8')).authorExternalId, CAT, 'the reposted post keeps its author')

  t.match(find(posts, postUri(ANN, 'p4')), {
    replyToExternalId: postUri(BEN, 'p1'),
    replyToAuthorExternalId: BEN,
    mentions: [{ externalId: CAT, handle: 'cat.test' }],
  })
  t.match(find(posts, postUri(ANN, 'p3')), { replyToExternalId: postUri(CAT, 'p2'), replyToAuthorExternalId: CAT }, 'a deleted parent is tolerated')
  t.equal(find(posts, postUri(ANN, 'p5')).quoteOfExternalId, postUri(BEN, 'p1'))
  t.equal(find(posts, postUri(ANN, 'p6')).quoteOfExternalId, postUri(BEN, 'p1'), 'recordWithMedia')
  t.equal(find(posts, postUri(ANN, 'p7')).quoteOfExternalId, null, 'an embedded feed is not a quote')

  const ben = page.accounts.find((account) => account.externalId === BEN)
  t.match(ben, { handle: BEN, followersCount: null }, 'an invalid handle falls back to the DID; list views carry no counts')
  t.equal(new Set(posts.map((post) => post.externalId)).size, posts.length)
})

async function allFollowers(connector: Connector, actor: string): Promise<{ pages: FollowPage[] }> {
  const pages: FollowPage[] = []
  let cursor: string | null = null
  do {
    const page = await connector.followersPage(actor, cursor)
    pages.push(page)
    cursor = page.cursor
  } while (cursor !== null && pages.length < 20)
  return { pages }
}

t.test('followers are collected through short pages until the cursor disappears', async (t) => {
  const fake = await start(t)
  const { pages } = await allFollowers(createBlueskyConnector({ appViewUrl: fake.url }), 'ann.test')
  t.same(pages.map((page) => page.follows.length), [90, 90, 27], '100 per page minus taken-down accounts')
  const followers = pages.flatMap((page) => page.follows)
  const expected = fake.state.follows
    .filter((follow) => follow.followeeDid === ANN && !fake.state.actors.get(follow.followerDid)?.takenDown)
    .map((follow) => follow.followerDid)
  t.same(new Set(followers.map((follow) => follow.followerExternalId)), new Set(expected))
  t.equal(followers.length, expected.length)
  t.ok(followers.every((follow) => follow.followeeExternalId === ANN), 'the subject is named by DID even when asked by handle')
})

t.test('follows of an account', async (t) => {
  const fake = await start(t)
  const page = await createBlueskyConnector({ appViewUrl: fake.url }).followingPage(ANN, null)
  t.same(page.follows.map((follow) => [follow.followerExternalId, follow.followeeExternalId]), [[ANN, CAT], [ANN, BEN]])
  t.equal(page.cursor, null)
})

t.test('profiles are fetched 25 per call with counts; unknown actors are left out', async (t) => {
  const fake = await start(t)
  const wanted = [ANN, 'did:plc:nobody', ...Array.from({ length: 60 }, (_, i) => `did:plc:fan${i}`)]
  const profiles = await createBlueskyConnector({ appViewUrl: fake.url }).profiles(wanted)
  t.equal(profiles.length, 1 + 60 - 6, 'taken-down and unknown actors are absent')
  t.match(profiles[0], { externalId: ANN, handle: 'ann.test', bio: 'Solar engineer', followersCount: 230, followingCount: 2, postsCount: 5 })
  const calls = fake.requests.filter((request) => request.nsid === 'app.bsky.actor.getProfiles')
  t.same(calls.map((call) => call.query.getAll('actors').length), [25, 25, 12])
})

t.test('an unknown actor is a not_found error, like on other networks', async (t) => {
  const fake = await start(t)
  const connector = createBlueskyConnector({ appViewUrl: fake.url })
  t.match(await connector.followersPage('did:plc:nobody', null).catch((err: unknown) => err), { kind: 'not_found', message: /actor or profile was not found/ })
  t.match(await connector.authorPostsPage('nobody.test', null).catch((err: unknown) => err), { kind: 'not_found', message: /actor or profile was not found/ })
})
