import t from 'tap'
import { buildApp } from '../../src/api/app.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { createApiKey, createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { bearer } from '../helpers/app.ts'
import { databaseBehindProxy } from '../helpers/tcp-proxy.ts'

// The embedded database lives in the process and cannot go down; this is about a server.
t.test('database down: /readyz 503 and /v1 503 problem, recovering without a restart', { skip: process.env.DATABASE_URL ? false : 'needs DATABASE_URL (a PostgreSQL server)' }, async (t) => {
  const { direct, database, proxy } = await databaseBehindProxy(t)
  const { id } = await createWorkspace(direct.db, 'W')
  const { key } = await createApiKey(direct.db, id, ['read'])
  const app = await buildApp({ db: database.db, metrics: createMetrics(), bodyLimit: 1 << 20, rateLimitPerMinute: 10_000 })
  t.teardown(() => app.close())

  t.equal((await app.inject({ url: '/readyz' })).statusCode, 200)
  t.equal((await app.inject({ url: '/v1/topics', headers: bearer(key) })).statusCode, 200)

  proxy.cut()
  const ready = await app.inject({ url: '/readyz' })
  t.equal(ready.statusCode, 503)
  t.match(ready.json(), { status: 'not_ready', database: 'down' })
  const api = await app.inject({ url: '/v1/topics', headers: bearer(key) })
  t.equal(api.statusCode, 503)
  t.equal(api.headers['content-type'], 'application/problem+json')
  t.match(api.json(), { code: 'unavailable', status: 503 })
  t.notMatch(api.body, /ECONN|127\.0\.0\.1|password|stack/i, 'no internals in the answer')
  t.equal((await app.inject({ url: '/healthz' })).statusCode, 200, 'the process itself is still healthy')

  proxy.restore()
  t.equal((await app.inject({ url: '/readyz' })).statusCode, 200, 'ready again')
  t.equal((await app.inject({ url: '/v1/topics', headers: bearer(key) })).statusCode, 200, 'the API answers again')
})
