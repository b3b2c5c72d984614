import t from 'tap'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { createApiKey, revokeApiKey } from '../../src/tenancy/workspaces/service.ts'

t.test('no key, a malformed key or an unknown key is a 401', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const unknown = mine.read.slice(0, -4) + 'AAAA'
  for (const headers of [{}, { authorization: 'Basic abc' }, bearer('not-a-key'), bearer(unknown)]) {
    const res = await app.inject({ url: '/v1/topics', headers })
    t.equal(res.statusCode, 401)
    t.equal(res.json().code, 'unauthorized')
    t.equal(res.headers['www-authenticate'], 'Bearer')
  }
})

t.test('a revoked key is refused from then on', async (t) => {
  const { app, database, mine } = await buildTestApp(t)
  const key = await createApiKey(database.db, mine.id, ['read'])
  t.equal((await app.inject({ url: '/v1/topics', headers: bearer(key.key) })).statusCode, 200)
  t.ok(await revokeApiKey(database.db, key.key))
  t.equal((await app.inject({ url: '/v1/topics', headers: bearer(key.key) })).statusCode, 401)
  t.notOk(await revokeApiKey(database.db, key.key), 'revoking twice says there was nothing to revoke')
})

t.test('scopes: read cannot write, write can read, admin can do both', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const denied = await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.read), payload: { name: 'x', query: 'x' } })
  t.equal(denied.statusCode, 403)
  t.match(denied.json(), { code: 'forbidden', detail: /"write" scope/ })
  t.equal((await app.inject({ url: '/v1/topics', headers: bearer(mine.write) })).statusCode, 200)
  t.equal((await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.admin), payload: { name: 'x', query: 'x' } })).statusCode, 201)
})

t.test('keys are stored hashed: the secret is nowhere in the database', async (t) => {
  const { database, mine } = await buildTestApp(t)
  const rows = await database.db.selectFrom('api_keys').selectAll().execute()
  const secret = mine.read.split('_').slice(2).join('_')
  t.notOk(JSON.stringify(rows).includes(secret))
  t.ok(rows.every((r) => /^[0-9a-f]{64}$/.test(r.secret_hash)))
})

t.test('requests beyond the per-key rate limit get a 429 problem', async (t) => {
  const { app, mine, theirs } = await buildTestApp(t, { rateLimitPerMinute: 3 })
  const codes = []
  for (let i = 0; i < 4; i++) codes.push((await app.inject({ url: '/v1/topics', headers: bearer(mine.read) })).statusCode)
  t.same(codes, [200, 200, 200, 429])
  const limited = await app.inject({ url: '/v1/topics', headers: bearer(mine.read) })
  t.equal(limited.json().code, 'rate_limited')
  t.equal((await app.inject({ url: '/v1/topics', headers: bearer(theirs.read) })).statusCode, 200, 'another key has its own budget')
})
