import t from 'tap'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { bearer } from '../helpers/app.ts'
import { handleOf, PLANTED_NOW, scoredPlantedTopic } from '../helpers/planted-network.ts'

t.test('influencers: ranked items with score, components, movement, profile, computedAt and coverage', async (t) => {
  const { app, mine, topicId } = await scoredPlantedTopic(t)
  const res = await app.inject({ url: `/v1/topics/${topicId}/influencers?limit=5`, headers: bearer(mine.read) })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.equal(body.items.length, 5)
  t.same(body.items.map((i: { rank: number }) => i.rank), [1, 2, 3, 4, 5])
  t.match(body.items[0], { rank: 1, score: 100, account: { handle: handleOf('H'), network: 'mastodon', displayName: 'H' }, components: { topicPosts: 3 }, movement: { isNew: true, previousRank: null } })
  t.match(body, { ranking: 'influencers', computedAt: PLANTED_NOW.toISOString(), coverage: { activeAuthors: 23 } })
  t.type(body.nextCursor, 'string')
})

t.test('relays and prospects', async (t) => {
  const { app, mine, topicId } = await scoredPlantedTopic(t)
  const relays = (await app.inject({ url: `/v1/topics/${topicId}/relays?limit=1`, headers: bearer(mine.read) })).json()
  t.equal(relays.items[0].account.handle, handleOf('X'))
  const prospects = (await app.inject({ url: `/v1/topics/${topicId}/prospects?limit=500`, headers: bearer(mine.read) })).json()
  const handles = prospects.items.map((i: { account: { handle: string } }) => i.account.handle)
  t.ok(handles.includes(handleOf('X')), 'X is a prospect')
  t.notOk(handles.includes(handleOf('H')), 'H, whom the brand follows, is not')
  t.notOk(handles.includes(handleOf('brand')), 'the brand itself is not')
  t.ok(prospects.items.every((i: { prospect: boolean }) => i.prospect))
})

t.test('movement since the previous snapshot', async (t) => {
  const { app, database, mine, topicId } = await scoredPlantedTopic(t)
  await scoreTopic(database.db, topicId, { now: PLANTED_NOW })
  const body = (await app.inject({ url: `/v1/topics/${topicId}/influencers?limit=3`, headers: bearer(mine.read) })).json()
  t.same(body.items[0].movement, { previousRank: 1, change: 0, isNew: false })
})

t.test('filters: network, community, minFollowers, language', async (t) => {
  const { app, mine, topicId } = await scoredPlantedTopic(t)
  const get = async (q: string) => (await app.inject({ url: `/v1/topics/${topicId}/influencers?limit=500&${q}`, headers: bearer(mine.read) })).json().items
  t.same(await get('network=bluesky'), [])
  t.ok((await get('network=mastodon')).length >= 22)
  const community = (await get('')).find((i: { account: { handle: string } }) => i.account.handle === handleOf('a1')).community
  const same = await get(`community=${community}`)
  t.ok(same.length > 0 && same.every((i: { community: number }) => i.community === community))
  const rich = await get('minFollowers=10000')
  t.same(rich.map((i: { account: { handle: string } }) => i.account.handle), [handleOf('O')])
  t.same(await get('language=en'), [], 'nobody posted in English')
  t.ok((await get('language=fr')).length >= 22)
})

t.test('cursor pagination walks the whole list once, pinned to its snapshot', async (t) => {
  const { app, database, mine, topicId } = await scoredPlantedTopic(t)
  const seen: number[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const res: { json(): any } = await app.inject({ url: `/v1/topics/${topicId}/influencers?limit=4${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(mine.read) })
    const page: { items: { rank: number }[]; nextCursor: string | null } = res.json()
    seen.push(...page.items.map((i) => i.rank))
    cursor = page.nextCursor
    if (pages++ === 1) await scoreTopic(database.db, topicId, { now: PLANTED_NOW }) // a new snapshot lands mid-walk
  } while (cursor)
  t.same(seen, Array.from({ length: seen.length }, (_, i) => i + 1), 'ranks 1..n, none skipped or repeated')
  t.ok(seen.length >= 22)
})

t.test('CSV and NDJSON export the whole list and parse back', async (t) => {
  const { app, mine, topicId } = await scoredPlantedTopic(t)
  const json = (await app.inject({ url: `/v1/topics/${topicId}/influencers?limit=500`, headers: bearer(mine.read) })).json()
  const csv = await app.inject({ url: `/v1/topics/${topicId}/influencers`, headers: { ...bearer(mine.read), accept: 'text/csv' } })
  t.equal(csv.statusCode, 200)
  t.match(csv.headers['content-type'], /^text\/csv/)
  const lines = csv.body.trim().split('\r\n')
  const header = lines[0].split(',')
  t.equal(lines.length - 1, json.items.length, 'one line per ranked account')
  const first = Object.fromEntries(lines[1].split(',').map((cell, i) => [header[i], cell]))
  t.match(first, { rank: '1', handle: handleOf('H'), score: '100' })
  const nd = await app.inject({ url: `/v1/topics/${topicId}/influencers?format=ndjson`, headers: bearer(mine.read) })
  t.match(nd.headers['content-type'], /^application\/x-ndjson/)
  const records = nd.body.trim().split('\n').map((l) => JSON.parse(l))
  t.same(records, json.items, 'NDJSON carries the same items as JSON')
  const preferJson = await app.inject({ url: `/v1/topics/${topicId}/influencers`, headers: { ...bearer(mine.read), accept: 'text/csv;q=0.2, application/json' } })
  t.match(preferJson.headers['content-type'], /^application\/json/, 'the preferred type, not the first listed')
  const refused = await app.inject({ url: `/v1/topics/${topicId}/influencers`, headers: { ...bearer(mine.read), accept: 'application/xml' } })
  t.equal(refused.statusCode, 406)
})

t.test('ETag: 304 until a new scoring lands', async (t) => {
  const { app, database, mine, topicId } = await scoredPlantedTopic(t)
  const first = await app.inject({ url: `/v1/topics/${topicId}/influencers`, headers: bearer(mine.read) })
  const etag = first.headers.etag as string
  t.ok(etag)
  t.equal((await app.inject({ url: `/v1/topics/${topicId}/influencers`, headers: { ...bearer(mine.read), 'if-none-match': etag } })).statusCode, 304)
  await scoreTopic(database.db, topicId, { now: PLANTED_NOW })
  t.equal((await app.inject({ url: `/v1/topics/${topicId}/influencers`, headers: { ...bearer(mine.read), 'if-none-match': etag } })).statusCode, 200)
})

t.test('a topic not scored yet answers an empty list that says why; another workspace gets 404', async (t) => {
  const { app, mine, theirs, topicId } = await scoredPlantedTopic(t)
  const fresh = (await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.write), payload: { name: 'New', query: '#new' } })).json()
  const empty = (await app.inject({ url: `/v1/topics/${fresh.id}/relays`, headers: bearer(mine.read) })).json()
  t.match(empty, { items: [], computedAt: null, note: /not been scored/ })
  for (const ranking of ['influencers', 'relays', 'prospects']) {
    const res = await app.inject({ url: `/v1/topics/${topicId}/${ranking}?format=csv`, headers: bearer(theirs.admin) })
    t.equal(res.statusCode, 404, `${ranking} of another workspace`)
    t.notMatch(res.body, /test\.example/)
  }
})

t.test('reasons in words, in English by default and in French with lang=fr', async (t) => {
  const { app, mine, topicId } = await scoredPlantedTopic(t)
  const get = async (q: string) => (await app.inject({ url: `/v1/topics/${topicId}/${q}`, headers: bearer(mine.read) })).json()
  const en = (await get('influencers?limit=1')).items[0]
  t.equal(en.account.handle, handleOf('H'))
  t.equal(en.reasons[0], 'Wrote 3 posts on the topic in the window.')
  t.match(en.reasons.join(' '), /Received 8 reposts and \d+ likes on them, from 8 accounts\./, 'what others gave, counted')
  t.match(en.reasons.join(' '), /Followed by 10 of the \d+ most active accounts on the topic\./)
  const fr = (await get('influencers?limit=1&lang=fr')).items[0]
  t.equal(fr.reasons[0], 'A écrit 3 publications sur le sujet pendant la période.')
  t.match(fr.reasons.join(' '), /Suivi par 10 des \d+ comptes les plus actifs sur le sujet\./)
  const relay = (await get('relays?limit=1')).items[0]
  t.match(relay.reasons[0], /^Passed on 2 posts about the topic, from \d communit(y|ies), to an audience in \d communities\.$/)
  const prospects = await get('prospects?lang=fr')
  t.match(prospects.note, /ne sont que sur mastodon/, 'the note says in French what one network means')
  t.match(prospects.items[0].reasons.at(-1), /Aucun abonnement ni échange avec vos comptes/)
  t.equal((await app.inject({ url: `/v1/topics/${topicId}/influencers?lang=de`, headers: bearer(mine.read) })).statusCode, 400, 'a language not offered is refused')
})

t.test('communities: named, sized, with their top members; another workspace gets 404', async (t) => {
  const { app, mine, theirs, topicId } = await scoredPlantedTopic(t)
  const res = await app.inject({ url: `/v1/topics/${topicId}/communities`, headers: bearer(mine.read) })
  t.equal(res.statusCode, 200)
  const body = res.json()
  const a = body.items.find((c: { topMembers: { handle: string }[] }) => c.topMembers.some((m) => m.handle === handleOf('H')))
  t.ok(a, 'the hub\'s community is listed')
  t.ok(a.size >= 10 && a.networks.length === 1 && a.networks[0] === 'mastodon', `community of ${a.size} accounts on mastodon`)
  t.equal(a.topMembers[0].handle, handleOf('H'), 'led by the hub')
  t.equal((await app.inject({ url: `/v1/topics/${topicId}/communities`, headers: bearer(theirs.read) })).statusCode, 404)
})
