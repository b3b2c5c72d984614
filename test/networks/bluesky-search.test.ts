import t from 'tap'
import { createBlueskyConnector } from '../../src/pipeline/networks/bluesky/index.ts'
import { BLUESKY_OVERLAP_MS } from '../../src/pipeline/networks/bluesky/search-walk.ts'
import type { Checkpoint, Connector } from '../../src/pipeline/networks/connector.ts'
import type { SearchSpec } from '../../src/pipeline/query/search-spec.ts'
import { ConnectorError } from '../../src/pipeline/networks/errors.ts'
import type { NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { postUri, startFakeBluesky, type FakeBluesky, type FakeBlueskyPost } from '../fakes/bluesky/index.ts'

const LOGIN = { identifier: 'searcher.test', password: 'app-pass-1234', did: 'did:plc:searcher' }
const SPEC: SearchSpec = { kind: 'query', q: 'solar' }
const MATCHING = 260

function posts(): FakeBlueskyPost[] {
  const list: FakeBlueskyPost[] = []
  for (let i = 0; i < 300; i++) {
    const at = new Date(Date.UTC(2024, 7, 21, 0, 0, i * 7)).toISOString()
    list.push({
      rkey: `3k${String(i).padStart(5, '0')}`,
      // Every 9th post is by a taken-down account: filtered after the page is cut.
      authorDid: i % 9 === 0 ? 'did:plc:gone' : i % 2 === 0 ? 'did:plc:ann' : 'did:plc:ben',
      text: i < MATCHING ? `Solar panels, day ${i} #energy` : `Wind turbines, day ${i}`,
      createdAt: at,
      // A few posts claim a future createdAt: sortAt is then the indexing time.
      indexedAt: at,
      langs: [i % 3 === 0 ? 'fr' : 'en'],
    })
  }
  return list
}

async function start(t: { teardown(fn: () => unknown): void }): Promise<FakeBluesky> {
  const fake = await startFakeBluesky({
    actors: [
      { did: 'did:plc:ann', handle: 'ann.test', displayName: 'Ann' },
      { did: 'did:plc:ben', handle: 'handle.invalid' },
      { did: 'did:plc:gone', handle: 'gone.test', takenDown: true },
      { did: LOGIN.did, handle: 'searcher.test' },
    ],
    posts: posts(),
    logins: [LOGIN],
  })
  t.teardown(() => fake.close())
  return fake
}

function connectorFor(fake: FakeBluesky, credentials = true): Connector {
  return createBlueskyConnector({
    appViewUrl: fake.url,
    pdsUrl: fake.url,
    ...(credentials ? { identifier: LOGIN.identifier, appPassword: LOGIN.password } : {}),
  })
}

async function walk(connector: Connector, spec: SearchSpec, from: Checkpoint | null, maxPages = 50) {
  const found: NormalizedPost[] = []
  let checkpoint = from
  let pages = 0
  let done = false
  while (!done && pages < maxPages) {
    const page = await connector.searchPage(spec, checkpoint)
    found.push(...page.posts)
    checkpoint = JSON.parse(JSON.stringify(page.checkpoint)) as Checkpoint
    done = page.done
    pages++
  }
  return { posts: found, checkpoint: checkpoint!, pages, done }
}

const visibleMatching = (fake: FakeBluesky, match = (post: FakeBlueskyPost) => post.text.startsWith('Solar')) =>
  [...fake.state.posts.values()]
    .filter((post) => match(post) && !post.deleted && post.authorDid !== 'did:plc:gone')
    .map((post) => postUri(post.authorDid, post.rkey))
    .reverse()

t.test('a search is collected completely through short pages, newest first', async (t) => {
  const fake = await start(t)
  const result = await walk(connectorFor(fake), SPEC, null)
  t.ok(result.done)
  t.equal(result.pages, 3, '100 + 100 + 60 hits, pages shortened by filtering')
  const uris = result.posts.map((post) => post.externalId)
  t.same(uris, visibleMatching(fake))
  t.equal(new Set(uris).size, uris.length, 'no duplicates')
  const searches = fake.requests.filter((request) => request.nsid === 'app.bsky.feed.searchPosts')
  t.ok(searches.every((request) => request.authorization?.startsWith('Bearer ')), 'search goes through the logged-in PDS')
  t.equal(fake.state.sessionsCreated, 1, 'one login for the whole walk')
})

t.test('a walk stopped half-way resumes from its checkpoint in a new connector', async (t) => {
  const fake = await start(t)
  const first = await walk(connectorFor(fake), SPEC, null, 1)
  t.notOk(first.done)
  const rest = await walk(connectorFor(fake), SPEC, first.checkpoint)
  const all = [...first.posts, ...rest.posts].map((post) => post.externalId)
  t.equal(new Set(all).size, all.length, 'no post twice')
  t.same(all, visibleMatching(fake), 'none missing')
})

t.test('the next run returns the new posts, including ones sharing the previous newest instant, and re-reads only the overlap window', async (t) => {
  const fake = await start(t)
  const connector = connectorFor(fake)
  const first = await walk(connector, SPEC, null)
  const newestAt = new Date(Date.UTC(2024, 7, 21, 0, 0, (MATCHING - 1) * 7)).toISOString()
  fake.state.addPost({ rkey: 'same-instant', authorDid: 'did:plc:ann', text: 'Solar, same instant', createdAt: newestAt })
  fake.state.addPost({ rkey: 'later', authorDid: 'did:plc:ben', text: 'Solar, later', createdAt: '2024-08-22T00:00:00.000Z' })
  fake.state.addPost({ rkey: 'backdated-but-new', authorDid: 'did:plc:ann', text: 'Solar from the future', createdAt: '2031-01-01T00:00:00.000Z', indexedAt: '2024-08-22T01:00:00.000Z' })
  fake.state.addPost({ rkey: 'other', authorDid: 'did:plc:ann', text: 'Nothing to see', createdAt: '2024-08-22T02:00:00.000Z' })
  const second = await walk(connector, SPEC, first.checkpoint)
  t.ok(second.done)
  const texts = second.posts.map((post) => post.text)
  t.same(texts.slice(0, 2), ['Solar from the future', 'Solar, later'], 'newest first')
  t.ok(texts.includes('Solar, same instant'), 'the post sharing the previous newest instant')
  t.notOk(texts.includes('Nothing to see'))
  t.same(second.posts[0].createdAt, new Date('2024-08-22T01:00:00.000Z'), 'a future createdAt is capped by indexedAt')
  const overlapStart = Date.parse(newestAt) - BLUESKY_OVERLAP_MS
  t.ok(second.posts.every((post) => post.createdAt.getTime() >= overlapStart), 'what else comes back lies in the overlap window')
  const third = await walk(connector, SPEC, second.checkpoint)
  t.equal(third.pages, 1)
  t.same(third.posts.filter((post) => post.createdAt.getTime() < Date.parse('2024-08-22T01:00:00.000Z') - BLUESKY_OVERLAP_MS), [], 'nothing older than the overlap')
})

t.test('language and tag filters are passed to the search', async (t) => {
  const fake = await start(t)
  const result = await walk(connectorFor(fake), { kind: 'query', q: 'solar', lang: 'fr', tags: ['#Energy'] }, null)
  const isFrenchSolar = (post: FakeBlueskyPost) => post.text.startsWith('Solar') && post.langs?.[0] === 'fr'
  t.same(result.posts.map((post) => post.externalId), visibleMatching(fake, isFrenchSolar))
  t.ok(result.posts.every((post) => post.lang === 'fr' && post.hashtags.includes('energy')))
})

t.test('a search with no hits is one empty, finished page', async (t) => {
  const fake = await start(t)
  const result = await walk(connectorFor(fake), { kind: 'query', q: 'nuclear' }, null)
  t.same(result.posts, [])
  t.ok(result.done)
  t.equal(result.pages, 1)
})

t.test('an expired access token is refreshed and the page retried', async (t) => {
  const fake = await start(t)
  const connector = connectorFor(fake)
  const first = await walk(connector, SPEC, null, 1)
  fake.state.expireTokens()
  const rest = await walk(connector, SPEC, first.checkpoint)
  t.same([...first.posts, ...rest.posts].map((post) => post.externalId), visibleMatching(fake))
  t.equal(fake.state.sessionsRefreshed, 1)
  t.equal(fake.state.sessionsCreated, 1, 'no second login')
})

t.test('when the refresh token has expired too, the connector logs in again', async (t) => {
  const fake = await start(t)
  const connector = connectorFor(fake)
  await connector.searchPage(SPEC, null)
  fake.state.expireTokens(true)
  const page = await connector.searchPage(SPEC, null)
  t.equal(page.posts.length > 0, true)
  t.equal(fake.state.sessionsCreated, 2)
})

t.test('missing or refused credentials are clear errors', async (t) => {
  const fake = await start(t)
  const missing = await connectorFor(fake, false).searchPage(SPEC, null).catch((err: unknown) => err)
  t.ok(missing instanceof ConnectorError)
  t.match(missing, { kind: 'config', message: /Bluesky search needs a login/ })
  t.equal(fake.requests.length, 0, 'nothing sent without credentials')

  const wrong = createBlueskyConnector({ appViewUrl: fake.url, pdsUrl: fake.url, identifier: LOGIN.identifier, appPassword: 'nope' })
  const refused = await wrong.searchPage(SPEC, null).catch((err: unknown) => err)
  t.match(refused, { kind: 'auth', message: /Bluesky login as searcher\.test was refused/ })
})

t.test('the fake refuses anonymous search paging with an HTML page, as the public AppView does', async (t) => {
  const fake = await start(t)
  const response = await fetch(`${fake.url}/xrpc/app.bsky.feed.searchPosts?q=solar&cursor=abc`)
  t.equal(response.status, 403)
  t.match(response.headers.get('content-type'), /html/)
})

t.test('an empty page that still has a cursor does not end the walk', async (t) => {
  const hidden = Array.from({ length: 199 }, (_, i) => ({
    rkey: `hidden${String(i).padStart(3, '0')}`,
    authorDid: 'did:plc:gone',
    text: `Solar hidden ${i}`,
    createdAt: new Date(Date.UTC(2024, 7, 20, 12, 0, i)).toISOString(),
  }))
  const fake = await startFakeBluesky({
    actors: [
      { did: 'did:plc:ann', handle: 'ann.test' },
      { did: 'did:plc:gone', handle: 'gone.test', takenDown: true },
      { did: LOGIN.did, handle: 'searcher.test' },
    ],
    posts: [
      { rkey: 'old', authorDid: 'did:plc:ann', text: 'Solar, before the gap', createdAt: '2024-08-19T00:00:00.000Z' },
      ...hidden,
      { rkey: 'new', authorDid: 'did:plc:ann', text: 'Solar, after the gap', createdAt: '2024-08-21T00:00:00.000Z' },
    ],
    logins: [LOGIN],
  })
  t.teardown(() => fake.close())
  const connector = connectorFor(fake)
  const sizes: number[] = []
  const texts: string[] = []
  let checkpoint: Checkpoint | null = null
  for (let i = 0; i < 5; i++) {
    const page = await connector.searchPage(SPEC, checkpoint)
    sizes.push(page.posts.length)
    texts.push(...page.posts.map((post) => post.text))
    checkpoint = page.checkpoint
    if (page.done) break
  }
  t.same(sizes, [1, 0, 1], 'the middle page is empty (all filtered) but had a cursor')
  t.same(texts, ['Solar, after the gap', 'Solar, before the gap'])
})
