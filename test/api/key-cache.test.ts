import t from 'tap'
import { parseApiKey } from '../../src/tenancy/workspaces/api-key-secret.ts'
import { createKeyCache } from '../../src/tenancy/workspaces/key-cache.ts'
import { authenticateKey, createApiKey, revokeApiKey } from '../../src/tenancy/workspaces/service.ts'
import { bearer, buildTestApp } from '../helpers/app.ts'

// Verified keys are kept for a few seconds so a /v1 request need not read its key each time;
// none of that may let a revoked or wrong key through in this process.

t.test('a key revoked in this process is refused at once, even just after use', async (t) => {
  const { app, database, mine } = await buildTestApp(t)
  for (const revokeBy of ['key', 'id'] as const) {
    const key = await createApiKey(database.db, mine.id, ['read'])
    t.equal((await app.inject({ url: '/v1/topics', headers: bearer(key.key) })).statusCode, 200)
    t.equal((await app.inject({ url: '/v1/topics', headers: bearer(key.key) })).statusCode, 200)
    t.ok(await revokeApiKey(database.db, revokeBy === 'key' ? key.key : key.id))
    const refused = await app.inject({ url: '/v1/topics', headers: bearer(key.key) })
    t.equal(refused.statusCode, 401, `revoked by ${revokeBy}`)
    t.equal(refused.json().code, 'unauthorized')
  }
})

t.test('a wrong secret is refused even when the key\'s public id was just verified', async (t) => {
  const { app, mine } = await buildTestApp(t)
  t.equal((await app.inject({ url: '/v1/topics', headers: bearer(mine.read) })).statusCode, 200)
  const wrong = mine.read.slice(0, -4) + (mine.read.endsWith('AAAA') ? 'BBBB' : 'AAAA')
  t.equal((await app.inject({ url: '/v1/topics', headers: bearer(wrong) })).statusCode, 401)
  t.equal((await app.inject({ url: '/v1/topics', headers: bearer(mine.read) })).statusCode, 200, 'the right key still works')
})

t.test('scopes and workspace come from the key, cached or not', async (t) => {
  const { app, mine, theirs } = await buildTestApp(t)
  for (let i = 0; i < 2; i++) {
    t.equal((await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.read), payload: { name: 'x', query: 'x' } })).statusCode, 403)
    const created = await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.write), payload: { name: `t${i}`, query: 'x' } })
    t.equal(created.statusCode, 201)
    t.equal((await app.inject({ url: `/v1/topics/${created.json().id}`, headers: bearer(theirs.admin) })).statusCode, 404)
  }
})

t.test('a key revoked elsewhere is refused once its entry expires; the cache holds no secret', async (t) => {
  const { database, mine } = await buildTestApp(t)
  let clock = 0
  const cache = createKeyCache({ ttlMs: 5_000, now: () => clock })
  const key = await createApiKey(database.db, mine.id, ['read'])
  t.match(await authenticateKey(database.db, key.key, cache), { workspaceId: mine.id, scopes: ['read'] })
  const cached = cache.get(parseApiKey(key.key)!.publicId)
  t.ok(cached)
  t.notOk(JSON.stringify(cached).includes(parseApiKey(key.key)!.secret), 'only the hash of the secret is kept')

  // Another process revokes it: this cache is not told.
  await database.db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', key.id).execute()
  clock = 4_999
  t.ok(await authenticateKey(database.db, key.key, cache), 'still accepted within the documented 5 s')
  clock = 5_000
  t.equal(await authenticateKey(database.db, key.key, cache), null, 'refused once the entry expired')
  clock = 5_001
  t.equal(await authenticateKey(database.db, key.key, cache), null, 'and from then on')
})

t.test('a key read while it is being revoked is not kept as active', async (t) => {
  const { database, mine } = await buildTestApp(t)
  const cache = createKeyCache()
  const key = await createApiKey(database.db, mine.id, ['read'])
  const publicId = parseApiKey(key.key)!.publicId
  // The lookup reads the row, and a revocation through this process lands before it is answered.
  const lookup = authenticateKey(database.db, key.key, cache)
  cache.forget(publicId)
  t.ok(await lookup, 'the row it read was active')
  t.equal(cache.get(publicId), undefined, 'but it is not kept: the next request reads the row again')
})
