import t from 'tap'
import { bearer, buildTestApp } from '../helpers/app.ts'

const topic = { name: 'Vélo', query: '#velo OR "vélo électrique"', networks: ['mastodon'], languages: ['fr'], ownAccounts: { mastodon: ['velocite@piaille.fr'] } }

t.test('a write key creates a topic that a read key lists and reads', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const created = await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.write), payload: topic })
  t.equal(created.statusCode, 201)
  const body = created.json()
  t.match(body, { name: 'Vélo', query: topic.query, networks: ['mastodon'], languages: ['fr'], ownAccounts: topic.ownAccounts })
  t.match(body.id, /^[0-9a-f-]{36}$/)
  t.notOk('workspace_id' in body || 'workspaceId' in body, 'no internal column leaks')

  const listed = await app.inject({ url: '/v1/topics', headers: bearer(mine.read) })
  t.equal(listed.statusCode, 200)
  t.same(listed.json().items.map((x: { id: string }) => x.id), [body.id])
  const read = await app.inject({ url: `/v1/topics/${body.id}`, headers: bearer(mine.read) })
  t.equal(read.json().name, 'Vélo')
})

t.test('every network the connectors speak can be named, X included', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const networks = ['mastodon', 'bluesky', 'reddit', 'x']
  const created = await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.write), payload: { ...topic, networks } })
  t.equal(created.statusCode, 201)
  t.same(created.json().networks, networks)
  const refused = await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.write), payload: { ...topic, networks: ['X!'] } })
  t.equal(refused.statusCode, 400)
})

t.test('update and delete', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const { id } = (await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.write), payload: topic })).json()
  const patched = await app.inject({ method: 'PATCH', url: `/v1/topics/${id}`, headers: bearer(mine.write), payload: { languages: ['fr', 'en'] } })
  t.equal(patched.statusCode, 200)
  t.same(patched.json().languages, ['fr', 'en'])
  t.equal(patched.json().query, topic.query, 'fields not sent are kept')
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/topics/${id}`, headers: bearer(mine.write) })).statusCode, 204)
  t.equal((await app.inject({ url: `/v1/topics/${id}`, headers: bearer(mine.read) })).statusCode, 404)
})

t.test('another workspace\'s topic is not found, whatever the verb', async (t) => {
  const { app, mine, theirs } = await buildTestApp(t)
  const { id } = (await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.write), payload: topic })).json()
  for (const [method, payload] of [['GET'], ['PATCH', { name: 'stolen' }], ['DELETE']] as const) {
    const res = await app.inject({ method, url: `/v1/topics/${id}`, headers: bearer(theirs.admin), ...(payload && { payload }) })
    t.equal(res.statusCode, 404, `${method} answers 404`)
    t.equal(res.headers['content-type'], 'application/problem+json')
    t.notMatch(res.body, 'Vélo')
  }
  t.same((await app.inject({ url: '/v1/topics', headers: bearer(theirs.read) })).json().items, [])
  t.equal((await app.inject({ url: `/v1/topics/${id}`, headers: bearer(mine.read) })).json().name, 'Vélo', 'the topic is untouched')
})

t.test('a duplicate name is a 409; the same name in another workspace is fine', async (t) => {
  const { app, mine, theirs } = await buildTestApp(t)
  await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.write), payload: topic })
  const again = await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.write), payload: topic })
  t.equal(again.statusCode, 409)
  t.match(again.json(), { code: 'conflict', status: 409, detail: /Vélo/ })
  t.equal((await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(theirs.write), payload: topic })).statusCode, 201)
})

t.test('a bad topic query is refused with its position', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const res = await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.write), payload: { ...topic, query: '(#velo OR "vélo' } })
  t.equal(res.statusCode, 400)
  t.match(res.json(), { code: 'invalid_query', errors: [{ path: 'body.query', message: /position \d+/ }] })
  t.same((await app.inject({ url: '/v1/topics', headers: bearer(mine.read) })).json().items, [], 'nothing was saved')
})

t.test('pagination walks every topic once with an opaque cursor', async (t) => {
  const { app, mine } = await buildTestApp(t)
  for (let i = 0; i < 7; i++) await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.write), payload: { ...topic, name: `T${i}` } })
  const seen: string[] = []
  let cursor: string | null = null
  do {
    const res: { json(): any } = await app.inject({ url: `/v1/topics?limit=3${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(mine.read) })
    const page: { items: { name: string }[]; nextCursor: string | null } = res.json()
    t.ok(page.items.length <= 3)
    seen.push(...page.items.map((x: { name: string }) => x.name))
    cursor = page.nextCursor
  } while (cursor)
  t.same(seen, ['T0', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6'])
  const forged = await app.inject({ url: '/v1/topics?cursor=bm90LWEtY3Vyc29y', headers: bearer(mine.read) })
  t.equal(forged.statusCode, 400)
  t.equal(forged.json().code, 'invalid_cursor')
  t.equal((await app.inject({ url: '/v1/topics?limit=1000', headers: bearer(mine.read) })).statusCode, 400, 'limit is bounded')
})
