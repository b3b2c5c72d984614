import t from 'tap'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { PUBLIC_ONLY } from '../../src/pipeline/networks/http/address-policy.ts'

t.test('registering a webhook: admin only, the secret shown once, private targets refused and no workspace can allow them', async (t) => {
  const { app, mine, theirs } = await buildTestApp(t, { addressPolicy: PUBLIC_ONLY })
  const post = (key: string, payload: object) => app.inject({ method: 'POST', url: '/v1/webhooks', headers: bearer(key), payload })

  t.equal((await post(mine.write, { url: 'https://93.184.216.34/hooks', events: ['alert.created'] })).statusCode, 403, 'a write key cannot')
  for (const url of ['http://127.0.0.1:8080/hooks', 'http://localhost:8080/hooks', 'http://[::1]/hooks', 'http://169.254.169.254/latest', 'http://10.0.0.5/hooks']) {
    const refused = await post(mine.admin, { url, events: ['alert.created'] })
    t.equal(refused.statusCode, 422, url)
    t.match(refused.json(), { code: 'unprocessable', detail: /private, loopback or link-local/ })
  }
  t.equal((await post(mine.admin, { url: 'ftp://93.184.216.34/x', events: ['alert.created'] })).statusCode, 400, 'http(s) only')
  t.equal((await post(mine.admin, { url: 'https://user:pw@93.184.216.34/x', events: ['alert.created'] })).statusCode, 400, 'no credentials in the URL')
  t.equal((await post(mine.admin, { url: 'https://93.184.216.34/x', events: ['alert.created', 'alert.created'] })).statusCode, 400)
  t.equal((await post(mine.admin, { url: 'https://93.184.216.34/x', events: ['everything'] })).statusCode, 400)

  const created = await post(mine.admin, { url: 'https://93.184.216.34/hooks', events: ['alert.created', 'digest.sent'], description: 'ops' })
  t.equal(created.statusCode, 201, created.body)
  const hook = created.json()
  t.match(hook.secret, /^whsec_[A-Za-z0-9_-]{43}$/)
  const got = await app.inject({ method: 'GET', url: `/v1/webhooks/${hook.id}`, headers: bearer(mine.read) })
  t.equal(got.statusCode, 200)
  t.notOk('secret' in got.json(), 'the secret is never shown again')
  t.notMatch(got.body, hook.secret)
  const listed = await app.inject({ method: 'GET', url: '/v1/webhooks', headers: bearer(mine.read) })
  t.same(listed.json().items.map((w: { id: string }) => w.id), [hook.id])
  t.notMatch(listed.body, hook.secret)

  t.equal((await app.inject({ method: 'PATCH', url: '/v1/workspace/settings', headers: bearer(mine.write), payload: { allowPrivateWebhooks: true } })).statusCode, 403)
  const refusedSwitch = await app.inject({ method: 'PATCH', url: '/v1/workspace/settings', headers: bearer(mine.admin), payload: { allowPrivateWebhooks: true } })
  t.equal(refusedSwitch.statusCode, 400, 'not even an admin key opens private addresses')
  t.match(refusedSwitch.json(), { code: 'validation_failed', detail: /operator of this Relais \(ALLOW_PRIVATE_ADDRESSES=true\)/ })
  t.equal((await post(mine.admin, { url: 'http://127.0.0.1:8080/hooks', events: ['score_run.finished'] })).statusCode, 422, 'still refused')
  t.same((await app.inject({ method: 'GET', url: '/v1/workspace/settings', headers: bearer(mine.read) })).json(), { allowPrivateWebhooks: false })

  const patched = await app.inject({ method: 'PATCH', url: `/v1/webhooks/${hook.id}`, headers: bearer(mine.admin), payload: { active: false, events: ['digest.sent'] } })
  t.match(patched.json(), { active: false, events: ['digest.sent'], url: 'https://93.184.216.34/hooks' })
  t.equal((await app.inject({ method: 'PATCH', url: `/v1/webhooks/${hook.id}`, headers: bearer(theirs.admin), payload: { active: true } })).statusCode, 404)
  t.same((await app.inject({ method: 'GET', url: `/v1/webhooks/${hook.id}/deliveries`, headers: bearer(mine.read) })).json(), { items: [], nextCursor: null })
  t.equal((await app.inject({ method: 'GET', url: `/v1/webhooks/${hook.id}/deliveries`, headers: bearer(theirs.read) })).statusCode, 404)
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/webhooks/${hook.id}`, headers: bearer(theirs.admin) })).statusCode, 404)
  t.equal((await app.inject({ method: 'DELETE', url: `/v1/webhooks/${hook.id}`, headers: bearer(mine.admin) })).statusCode, 204)
  t.equal((await app.inject({ method: 'GET', url: `/v1/webhooks/${hook.id}`, headers: bearer(mine.read) })).statusCode, 404)
})

t.test('alerts and their settings are per topic and per workspace', async (t) => {
  const { app, mine, theirs } = await buildTestApp(t)
  const topic = (await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(mine.write), payload: { name: 'Vélo', query: '#velo' } })).json()
  t.same((await app.inject({ method: 'GET', url: `/v1/topics/${topic.id}/alerts`, headers: bearer(mine.read) })).json(), { items: [], nextCursor: null })
  t.same((await app.inject({ method: 'GET', url: `/v1/topics/${topic.id}/alert-settings`, headers: bearer(mine.read) })).json(), { k: 3, minVolume: 10, cooldownHours: 12, baselineHours: 168 })
  const set = await app.inject({ method: 'PUT', url: `/v1/topics/${topic.id}/alert-settings`, headers: bearer(mine.write), payload: { k: 2.5, minVolume: 20, cooldownHours: 6, baselineHours: 336 } })
  t.same(set.json(), { k: 2.5, minVolume: 20, cooldownHours: 6, baselineHours: 336 })
  t.equal((await app.inject({ method: 'PUT', url: `/v1/topics/${topic.id}/alert-settings`, headers: bearer(mine.write), payload: { k: 0, minVolume: 20, cooldownHours: 6, baselineHours: 336 } })).statusCode, 400)
  t.equal((await app.inject({ method: 'GET', url: `/v1/topics/${topic.id}/alerts`, headers: bearer(theirs.read) })).statusCode, 404)
  t.equal((await app.inject({ method: 'PUT', url: `/v1/topics/${topic.id}/alert-settings`, headers: bearer(theirs.admin), payload: { k: 3, minVolume: 1, cooldownHours: 0, baselineHours: 24 } })).statusCode, 404)
})
