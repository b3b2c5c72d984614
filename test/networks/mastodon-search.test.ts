import t from 'tap'
import type { Checkpoint, Connector } from '../../src/pipeline/networks/connector.ts'
import type { SearchSpec } from '../../src/pipeline/query/search-spec.ts'
import { ConnectorError } from '../../src/pipeline/networks/errors.ts'
import { createMastodonConnector } from '../../src/pipeline/networks/mastodon/index.ts'
import { LATE_DELIVERY_OVERLAP_MS } from '../../src/pipeline/networks/mastodon/mention-walk.ts'
import type { NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { minuteTimes, opaqueIds, startFakeMastodon, type FakeMastodon, type FakeMastodonStatus } from '../fakes/mastodon/index.ts'

const TOKEN = 'token-of-the-test-user'

interface Walk {
  posts: NormalizedPost[]
  checkpoint: Checkpoint
  pages: number
}

/** Runs searchPage until done (or `maxPages`), as the collection job does. */
async function walk(connector: Connector, spec: SearchSpec, from: Checkpoint | null, maxPages = 50): Promise<Walk & { done: boolean }> {
  const posts: NormalizedPost[] = []
  let checkpoint = from
  for (let pages = 1; pages <= maxPages; pages++) {
    const page = await connector.searchPage(spec, checkpoint)
    posts.push(...page.posts)
    checkpoint = page.checkpoint
    if (page.done) return { posts, checkpoint, pages, done: true }
  }
  return { posts, checkpoint: checkpoint!, pages: maxPages, done: false }
}

const ids = (posts: NormalizedPost[]): string[] => posts.map((post) => post.externalId)

/** 130 statuses, 100 of them tagged #Rust (tag case varies), ids opaque strings in random text order. */
function seedStatuses(): FakeMastodonStatus[] {
  const statusIds = opaqueIds(200, 7)
  const times = minuteTimes(130)
  return times.map((createdAt, i) => ({
    id: statusIds[i],
    accountId: i % 3 === 0 ? 'remote-1' : 'local-1',
    createdAt,
    text: i % 13 === 5 ? `Nothing about it, number ${i}` : `Post ${i} about #${i % 2 === 0 ? 'Rust' : 'rust'} and compilers`,
  }))
}

async function startInstance(): Promise<FakeMastodon> {
  return startFakeMastodon({
    accounts: [
      { id: 'local-1', username: 'carla', displayName: 'Carla' },
      { id: 'remote-1', username: 'alice', domain: 'other.example', displayName: 'Alice' },
    ],
    statuses: seedStatuses(),
    tokens: [TOKEN],
  })
}

function expectedUris(fake: FakeMastodon, match: (status: FakeMastodonStatus) => boolean): string[] {
  return fake.state.statuses.items
    .filter((status) => match(status) && !status.deleted)
    .map((status) => {
      const account = fake.state.accounts.get(status.accountId)!
      const home = account.domain ? `https://${account.domain}` : fake.url
      return `${home}/users/${account.username}/statuses/${status.id}`
    })
}

const tagged = (status: FakeMastodonStatus): boolean => /#rust/i.test(status.text ?? '')

t.test('a hashtag timeline is collected completely over several pages, newest first', async (t) => {
  const fake = await startInstance()
  t.teardown(() => fake.close())
  const connector = createMastodonConnector({ baseUrl: fake.url })
  const result = await walk(connector, { kind: 'hashtag', tag: 'rust' }, null)
  const expected = expectedUris(fake, tagged)
  t.equal(expected.length, 120)
  t.ok(result.done)
  t.ok(result.pages >= 3, `took ${result.pages} pages`)
  t.same(ids(result.posts), [...expected].reverse(), 'every tagged status once, newest first')
  t.equal(new Set(ids(result.posts)).size, result.posts.length, 'no duplicates')
})

t.test('a walk stopped half-way resumes from its checkpoint in a new connector', async (t) => {
  const fake = await startInstance()
  t.teardown(() => fake.close())
  const spec: SearchSpec = { kind: 'hashtag', tag: 'rust' }
  const first = await walk(createMastodonConnector({ baseUrl: fake.url }), spec, null, 1)
  t.notOk(first.done)
  t.equal(first.posts.length, 40)
  // The checkpoint goes through the database as JSON.
  const stored = JSON.parse(JSON.stringify(first.checkpoint)) as Checkpoint
  const rest = await walk(createMastodonConnector({ baseUrl: fake.url }), spec, stored)
  t.ok(rest.done)
  const all = [...ids(first.posts), ...ids(rest.posts)]
  t.equal(new Set(all).size, all.length, 'no status twice')
  t.same(new Set(all), new Set(expectedUris(fake, tagged)), 'none missing')
})

t.test('the next run returns only what is new, including what arrived during the previous walk', async (t) => {
  const fake = await startInstance()
  t.teardown(() => fake.close())
  const connector = createMastodonConnector({ baseUrl: fake.url })
  const spec: SearchSpec = { kind: 'hashtag', tag: 'rust' }
  const firstPage = await connector.searchPage(spec, null)
  const newIds = opaqueIds(6, 99)
  for (const [i, id] of newIds.slice(0, 3).entries()) {
    fake.state.addStatus({ id, accountId: 'local-1', createdAt: `2024-08-21T11:0${i}:00.000Z`, text: `Mid-walk ${i} #rust` })
  }
  const restOfFirstRun = await walk(connector, spec, firstPage.checkpoint)
  const firstRun = [...ids(firstPage.posts), ...ids(restOfFirstRun.posts)]
  t.equal(firstRun.length, 120, 'the first run finishes what it started')

  for (const [i, id] of newIds.slice(3).entries()) {
    fake.state.addStatus({ id, accountId: 'remote-1', createdAt: `2024-08-21T12:0${i}:00.000Z`, text: `Later ${i} #RUST` })
  }
  fake.state.addStatus({ id: 'untagged-new', accountId: 'remote-1', createdAt: '2024-08-21T12:30:00.000Z', text: 'no tag' })
  const second = await walk(connector, spec, restOfFirstRun.checkpoint)
  t.ok(second.done)
  t.same(
    second.posts.slice(0, 6).map((post) => post.text),
    ['Later 2 #RUST', 'Later 1 #RUST', 'Later 0 #RUST', 'Mid-walk 2 #rust', 'Mid-walk 1 #rust', 'Mid-walk 0 #rust'],
  )
  // Behind them, the overlap is read again (statuses received late sort among older ids), no further.
  const firstNewest = Math.max(...[...firstPage.posts, ...restOfFirstRun.posts].map((post) => post.createdAt.getTime()))
  t.ok(second.posts.slice(6).every((post) => firstRun.includes(post.externalId)), 'the rest was seen by the first run')
  t.ok(second.posts.every((post) => post.createdAt.getTime() >= firstNewest - LATE_DELIVERY_OVERLAP_MS), 'nothing older than the overlap')
  const seen = new Set([...firstRun, ...ids(second.posts)])
  const third = await walk(connector, spec, second.checkpoint)
  t.ok(third.posts.every((post) => seen.has(post.externalId)), 'nothing new: only the overlap read again')
  t.ok(third.posts.every((post) => post.createdAt.getTime() >= Date.parse('2024-08-21T12:02:00.000Z') - LATE_DELIVERY_OVERLAP_MS))
  t.equal(third.pages, 1)
})

t.test('an unknown tag is an empty page that completes the walk', async (t) => {
  const fake = await startInstance()
  t.teardown(() => fake.close())
  const page = await createMastodonConnector({ baseUrl: fake.url }).searchPage({ kind: 'hashtag', tag: 'nosuchtag' }, null)
  t.same(page.posts, [])
  t.ok(page.done)
})

t.test('full-text search without a token fails with a clear configuration error', async (t) => {
  const fake = await startInstance()
  t.teardown(() => fake.close())
  const connector = createMastodonConnector({ baseUrl: fake.url })
  const error = await connector.searchPage({ kind: 'query', q: 'compilers' }, null).catch((err: unknown) => err)
  t.ok(error instanceof ConnectorError)
  t.match(error, { kind: 'config', message: 'Mastodon full-text search needs an access token; hashtag queries work without one' })
  t.equal(fake.requests.length, 0, 'nothing was sent to the instance')
})

t.test('full-text search with a token pages by offset and resumes incrementally', async (t) => {
  const fake = await startInstance()
  t.teardown(() => fake.close())
  const connector = createMastodonConnector({ baseUrl: fake.url, accessToken: TOKEN })
  const spec: SearchSpec = { kind: 'query', q: 'compilers' }
  const first = await walk(connector, spec, null)
  t.ok(first.done)
  t.same(ids(first.posts), expectedUris(fake, tagged).reverse())

  // The newest status the first run saw is deleted: the next run must still stop near it.
  const newest = fake.state.statuses.items.filter(tagged).at(-1)!
  fake.state.deleteStatus(newest.id)
  fake.state.addStatus({ id: 'fresh-1', accountId: 'remote-1', createdAt: '2024-08-21T12:00:00.000Z', text: 'New compilers post' })
  const second = await walk(connector, spec, first.checkpoint)
  t.ok(second.done)
  t.equal(second.posts[0].text, 'New compilers post')
  // The rest is the overlap read again, the deleted status not among it.
  const firstIds = new Set(ids(first.posts))
  t.ok(second.posts.slice(1).every((post) => firstIds.has(post.externalId)))
  t.notOk(ids(second.posts).some((uri) => uri.endsWith(`/${newest.id}`)))
  t.ok(second.posts.length < first.posts.length, 'the walk stopped behind the overlap')
})

t.test('a token the instance refuses is an auth error', async (t) => {
  const fake = await startInstance()
  t.teardown(() => fake.close())
  const connector = createMastodonConnector({ baseUrl: fake.url, accessToken: 'wrong' })
  const error = await connector.searchPage({ kind: 'query', q: 'compilers' }, null).catch((err: unknown) => err)
  t.match(error, { kind: 'auth', status: 401 })
})
