import t from 'tap'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { openCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'

const mastodon = { name: 'Piaille', network: 'mastodon', baseUrl: 'https://piaille.example', credentials: { accessToken: 'tok-SECRET-123' } }

t.test('an admin registers a source; its secret is stored but never returned', async (t) => {
  const { app, database, mine } = await buildTestApp(t)
  const created = await app.inject({ method: 'POST', url: '/v1/sources', headers: bearer(mine.admin), payload: mastodon })
  t.equal(created.statusCode, 201)
  t.match(created.json(), { name: 'Piaille', network: 'mastodon', baseUrl: 'https://piaille.example', credentialsSet: ['accessToken'] })
  t.notMatch(created.body, 'SECRET')
  const listed = await app.inject({ url: '/v1/sources', headers: bearer(mine.read) })
  t.equal(listed.json().items.length, 1)
  t.notMatch(listed.body, 'SECRET')
  const stored = await database.db.selectFrom('sources').select('credentials').where('workspace_id', '=', mine.id).executeTakeFirstOrThrow()
  t.notMatch(JSON.stringify(stored.credentials), 'SECRET', 'stored sealed')
  t.same(openCredentials(TEST_SECRETS, stored.credentials), { accessToken: 'tok-SECRET-123' }, 'the collector can use it')
})

t.test('each network says what it needs', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const post = (payload: object) => app.inject({ method: 'POST', url: '/v1/sources', headers: bearer(mine.admin), payload })
  const noSecret = await post({ name: 'R', network: 'reddit', credentials: { clientId: 'id' } })
  t.equal(noSecret.statusCode, 400)
  t.match(noSecret.json().detail, /clientSecret/)
  t.equal((await post({ name: 'M', network: 'mastodon' })).statusCode, 400, 'a Mastodon source needs its instance URL')
  t.equal((await post({ name: 'Q', network: 'myspace', baseUrl: 'https://x.example' })).statusCode, 400)
  t.equal((await post({ name: 'F', network: 'mastodon', baseUrl: 'file:///etc/passwd' })).statusCode, 400)
  t.equal((await post({ name: 'B', network: 'bluesky', credentials: { identifier: 'me.bsky.social', appPassword: 'abcd-efgh' } })).statusCode, 201)
  t.equal((await post({ name: 'X', network: 'x', credentials: { bearerToken: 'AAAA' } })).statusCode, 201)
})

t.test('only admins change sources; other workspaces see nothing', async (t) => {
  const { app, mine, theirs } = await buildTestApp(t)
  t.equal((await app.inject({ method: 'POST', url: '/v1/sources', headers: bearer(mine.write), payload: mastodon })).statusCode, 403)
  const { id } = (await app.inject({ method: 'POST', url: '/v1/sources', headers: bearer(mine.admin), payload: mastodon })).json()
  t.same((await app.inject({ url: '/v1/sources', headers: bearer(theirs.admin) })).json().items, [])
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/sources/${id}`, headers: bearer(theirs.admin) })).statusCode, 404)
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/sources/${id}`, headers: bearer(mine.admin) })).statusCode, 204)
  t.same((await app.inject({ url: '/v1/sources', headers: bearer(mine.read) })).json().items, [])
})
