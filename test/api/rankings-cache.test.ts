import t from 'tap'
import { buildApp } from '../../src/api/app.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { bearer } from '../helpers/app.ts'
import { handleOf, PLANTED_NOW, scoredPlantedTopic } from '../helpers/planted-network.ts'

// Ranking pages are kept rendered per snapshot: what a client sees must not tell a cached page
// from one just read from the database.

t.test('a page served again is the page first served, and what a fresh server renders', async (t) => {
  const { app, database, mine, topicId } = await scoredPlantedTopic(t)
  const url = `/v1/topics/${topicId}/influencers?limit=7&network=mastodon`
  const first = await app.inject({ url, headers: bearer(mine.read) })
  const again = await app.inject({ url, headers: bearer(mine.read) })
  const fresh = await buildApp({ db: database.db, metrics: createMetrics(), bodyLimit: 1024 * 1024, rateLimitPerMinute: 10_000 })
  t.teardown(() => fresh.close())
  const uncached = await fresh.inject({ url, headers: bearer(mine.read) })
  for (const res of [first, again, uncached]) {
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
  }
  t.equal(again.body, first.body, 'the second answer is byte for byte the first')
  t.equal(uncached.body, first.body, 'and what a server with nothing cached answers')
  t.equal(again.headers.etag, first.headers.etag)
  const page = first.json()
  t.equal(page.items.length, 7)
  t.match(page.items[0], { rank: 1, account: { handle: handleOf('H') } })
  t.notOk('account_id' in page.items[0] || 'secret_hash' in page, 'only the fields of the response schema')
})

t.test('pages of other filters, limits and rankings are not mixed up', async (t) => {
  const { app, mine, topicId } = await scoredPlantedTopic(t)
  const get = async (path: string) => (await app.inject({ url: `/v1/topics/${topicId}/${path}`, headers: bearer(mine.read) })).json()
  const all = await get('influencers?limit=500')
  t.same((await get('influencers?limit=500&network=bluesky')).items, [])
  t.same((await get('influencers?limit=500')).items, all.items)
  t.equal((await get('influencers?limit=3')).items.length, 3)
  t.equal((await get('relays?limit=1')).items[0].account.handle, handleOf('X'))
  t.equal((await get('influencers?limit=1')).items[0].account.handle, handleOf('H'))
})

t.test('cursor pages from a served-again page walk the list once', async (t) => {
  const { app, mine, topicId } = await scoredPlantedTopic(t)
  const walk = async () => {
    const ranks: number[] = []
    let cursor: string | null = null
    do {
      const res: { json(): { items: { rank: number }[]; nextCursor: string | null } } =
        await app.inject({ url: `/v1/topics/${topicId}/influencers?limit=5${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(mine.read) })
      const page = res.json()
      ranks.push(...page.items.map((i) => i.rank))
      cursor = page.nextCursor
    } while (cursor)
    return ranks
  }
  const once = await walk()
  t.same(once, Array.from({ length: once.length }, (_, i) => i + 1))
  t.same(await walk(), once, 'the same walk again, from cached pages')
})

t.test('a new scoring changes the page and its ETag; cursors of the old snapshot still read it', async (t) => {
  const { app, database, mine, topicId } = await scoredPlantedTopic(t)
  const url = `/v1/topics/${topicId}/influencers?limit=3`
  const before = await app.inject({ url, headers: bearer(mine.read) })
  t.same(before.json().items[0].movement, { previousRank: null, change: null, isNew: true })
  const oldCursor = before.json().nextCursor
  const oldSecond = (await app.inject({ url: `${url}&cursor=${oldCursor}`, headers: bearer(mine.read) })).body

  await scoreTopic(database.db, topicId, { now: PLANTED_NOW })
  const after = await app.inject({ url, headers: { ...bearer(mine.read), 'if-none-match': before.headers.etag as string } })
  t.equal(after.statusCode, 200, 'the old ETag no longer matches')
  t.not(after.headers.etag, before.headers.etag)
  t.same(after.json().items[0].movement, { previousRank: 1, change: 0, isNew: false }, 'the new snapshot is served')
  t.not(after.json().nextCursor, oldCursor)
  t.equal((await app.inject({ url: `${url}&cursor=${oldCursor}`, headers: bearer(mine.read) })).body, oldSecond, 'an old cursor reads its own snapshot')
  const current = await app.inject({ url, headers: { ...bearer(mine.read), 'if-none-match': after.headers.etag as string } })
  t.equal(current.statusCode, 304)
})

t.test('a cached page is not served to another workspace, with or without its ETag', async (t) => {
  const { app, mine, theirs, topicId } = await scoredPlantedTopic(t)
  const url = `/v1/topics/${topicId}/influencers?limit=5`
  const mineRes = await app.inject({ url, headers: bearer(mine.read) })
  t.equal(mineRes.statusCode, 200)
  for (const headers of [bearer(theirs.admin), { ...bearer(theirs.admin), 'if-none-match': mineRes.headers.etag as string }]) {
    const res = await app.inject({ url, headers })
    t.equal(res.statusCode, 404)
    t.notMatch(res.body, /test\.example/)
  }
  const cursor = mineRes.json().nextCursor
  t.equal((await app.inject({ url: `${url}&cursor=${cursor}`, headers: bearer(theirs.read) })).statusCode, 404, 'nor through a cursor')
})

t.test('the prospects note follows the topic\'s own accounts, not a cached page', async (t) => {
  const { app, mine, topicId } = await scoredPlantedTopic(t)
  const url = `/v1/topics/${topicId}/prospects?limit=5`
  t.match((await app.inject({ url, headers: bearer(mine.read) })).json(), { note: /on mastodon only/ }, 'the brand is on one network: the note says what that means')
  const patched = await app.inject({ method: 'PATCH', url: `/v1/topics/${topicId}`, headers: bearer(mine.write), payload: { ownAccounts: {} } })
  t.equal(patched.statusCode, 200)
  t.match((await app.inject({ url, headers: bearer(mine.read) })).json(), { note: /own accounts \(ownAccounts\)/ })
})

t.test('a bad cursor is a 400 on the workspace\'s topic and a 404 on another\'s', async (t) => {
  const { app, mine, theirs, topicId } = await scoredPlantedTopic(t)
  const url = `/v1/topics/${topicId}/influencers?cursor=bm90LWEtY3Vyc29y`
  t.equal((await app.inject({ url, headers: bearer(mine.read) })).statusCode, 400)
  t.equal((await app.inject({ url, headers: bearer(theirs.read) })).statusCode, 404)
})

