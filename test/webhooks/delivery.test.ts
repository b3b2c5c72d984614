import t from 'tap'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { deliverDueWebhooks } from '../../src/tenancy/webhooks/dispatch.ts'
import { emitWebhookEvent } from '../../src/tenancy/webhooks/events.ts'
import type { Resolver } from '../../src/pipeline/networks/http/resolve-target.ts'
import { PUBLIC_ONLY, type AddressPolicy } from '../../src/pipeline/networks/http/address-policy.ts'
import { LOCAL_FAKES } from '../helpers/local-network.ts'
import { createWebhookService } from '../../src/tenancy/webhooks/service.ts'
import { createWebhooksJob } from '../../jobs/deliver-webhooks.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { fileDatabase } from '../helpers/app.ts'
import { receiverAccepts, startReceiver } from './fixtures/receiver.ts'

const silent: Logger = { info() {}, warn() {}, error() {} }
const T0 = new Date('2025-06-02T10:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
const { db } = await fileDatabase()

async function workspaceWithHook(url: string, events: ('alert.created' | 'digest.sent' | 'score_run.finished')[], addressPolicy: AddressPolicy = LOCAL_FAKES) {
  const { id: workspaceId } = await createWorkspace(db, 'Hooks')
  const service = createWebhookService({ db, addressPolicy, secrets: TEST_SECRETS })
  const hook = await service.create(workspaceId, { url, events, description: '', active: true })
  return { workspaceId, hook, service }
}

t.test('a failing receiver gets the same event again with backoff, each attempt signed, until it answers 2xx', async (t) => {
  const receiver = await startReceiver([500, 503])
  t.teardown(receiver.close)
  const { workspaceId, hook, service } = await workspaceWithHook(receiver.url, ['alert.created'])
  t.equal(await emitWebhookEvent(db, workspaceId, 'alert.created', 'alert:1', { id: 1 }, T0), 1)
  t.equal(await emitWebhookEvent(db, workspaceId, 'alert.created', 'alert:1', { id: 1 }, T0), 0, 'the same event is queued once')
  t.equal(await emitWebhookEvent(db, workspaceId, 'digest.sent', 'digest:x', {}, T0), 0, 'an event the webhook does not listen to is not queued')

  const deliver = (minutes: number) => deliverDueWebhooks({ db, now: () => at(minutes), addressPolicy: LOCAL_FAKES, secrets: TEST_SECRETS }, { workspaceId })
  t.same(await deliver(0), { delivered: 0, retrying: 1, failed: 0 })
  let [log] = (await service.deliveries(workspaceId, hook.id, 10)).items
  t.match(log, { status: 'pending', attempts: 1, lastStatusCode: 500, nextAttemptAt: at(1).toISOString() })
  t.same(await deliver(0.5), { delivered: 0, retrying: 0, failed: 0 }, 'not before its time')
  t.same(await deliver(1), { delivered: 0, retrying: 1, failed: 0 })
  ;[log] = (await service.deliveries(workspaceId, hook.id, 10)).items
  t.match(log, { status: 'pending', attempts: 2, lastStatusCode: 503, nextAttemptAt: at(6).toISOString() }, 'the wait grows: 1 minute, then 5')
  t.same(await deliver(6), { delivered: 1, retrying: 0, failed: 0 })
  ;[log] = (await service.deliveries(workspaceId, hook.id, 10)).items
  t.match(log, { status: 'delivered', attempts: 3, lastStatusCode: 204, lastError: null, nextAttemptAt: null })

  t.equal(receiver.received.length, 3)
  const bodies = new Set(receiver.received.map((r) => r.body))
  t.equal(bodies.size, 1, 'every attempt carries the same event')
  t.match(JSON.parse([...bodies][0]), { id: 'alert:1', type: 'alert.created', data: { id: 1 } })
  t.ok(receiver.received.every((r) => receiverAccepts(r.headers['relais-signature'], hook.secret, r.body)), 'each attempt is signed')
  t.same(new Set(receiver.received.map((r) => r.headers['relais-delivery'])).size, 1, 'and names the same delivery')
})

t.test('a receiver that never answers 2xx is given up after about a day', async (t) => {
  const receiver = await startReceiver(Array(20).fill(500))
  t.teardown(receiver.close)
  const { workspaceId, hook, service } = await workspaceWithHook(receiver.url, ['alert.created'])
  await emitWebhookEvent(db, workspaceId, 'alert.created', 'alert:2', {}, T0)
  for (let minutes = 0; minutes <= 48 * 60; minutes += 30) await deliverDueWebhooks({ db, now: () => at(minutes), addressPolicy: LOCAL_FAKES, secrets: TEST_SECRETS }, { workspaceId })
  const [log] = (await service.deliveries(workspaceId, hook.id, 10)).items
  t.match(log, { status: 'failed', attempts: 7, lastStatusCode: 500 })
  t.equal(receiver.received.length, 7)
})

t.test('a name that turns private after registration (DNS rebinding) is refused at delivery', async (t) => {
  const receiver = await startReceiver()
  t.teardown(receiver.close)
  let answer = '93.184.216.34'
  const resolver: Resolver = async () => [{ address: answer, family: 4 }]
  const url = `http://hooks.example.test:${receiver.port}/hooks/relais`
  const guarded = { ...PUBLIC_ONLY, allowHttpSources: false, resolver }
  const { workspaceId, hook, service } = await workspaceWithHook(url, ['alert.created'], guarded)
  answer = '127.0.0.1'
  await emitWebhookEvent(db, workspaceId, 'alert.created', 'alert:3', {}, T0)
  t.same(await deliverDueWebhooks({ db, addressPolicy: guarded, secrets: TEST_SECRETS, now: () => T0 }, { workspaceId }), { delivered: 0, retrying: 1, failed: 0 })
  const [log] = (await service.deliveries(workspaceId, hook.id, 10)).items
  t.match(log, { status: 'pending', lastStatusCode: null, lastError: /hooks\.example\.test resolves to a private.*127\.0\.0\.1/ })
  t.equal(receiver.received.length, 0, 'nothing reached the private address')

  // Once the operator allows private addresses, the same name is delivered to, through the checked answer.
  t.same(await deliverDueWebhooks({ db, addressPolicy: { ...guarded, allowPrivate: true }, secrets: TEST_SECRETS, now: () => at(1) }, { workspaceId }), { delivered: 1, retrying: 0, failed: 0 })
  t.equal(receiver.received.length, 1)
  t.equal(receiver.received[0].headers.host, `hooks.example.test:${receiver.port}`)
})

t.test('a name that turns private between the check and the connection is refused by the connection itself', async (t) => {
  const receiver = await startReceiver()
  t.teardown(receiver.close)
  let lookups = 0
  // Public for the registration, loopback when the socket connects: only the socket's own check sees it.
  const resolver: Resolver = async () => [{ address: ++lookups <= 1 ? '93.184.216.34' : '127.0.0.1', family: 4 }]
  const guarded = { ...PUBLIC_ONLY, resolver }
  const { workspaceId, hook, service } = await workspaceWithHook(`http://rebind.example.test:${receiver.port}/hooks`, ['alert.created'], guarded)
  await emitWebhookEvent(db, workspaceId, 'alert.created', 'alert:4', {}, T0)
  t.same(await deliverDueWebhooks({ db, addressPolicy: guarded, secrets: TEST_SECRETS, now: () => T0 }, { workspaceId }), { delivered: 0, retrying: 1, failed: 0 })
  t.ok(lookups >= 2, 'the socket resolved the name again')
  const [log] = (await service.deliveries(workspaceId, hook.id, 10)).items
  t.match(log, { status: 'pending', lastError: /private.*127\.0\.0\.1/ })
  t.equal(receiver.received.length, 0)
})

t.test('two dispatchers at once deliver each event once', async (t) => {
  const receiver = await startReceiver()
  t.teardown(receiver.close)
  const { workspaceId } = await workspaceWithHook(receiver.url, ['alert.created'])
  for (let i = 0; i < 30; i++) await emitWebhookEvent(db, workspaceId, 'alert.created', `alert:many-${i}`, { i }, T0)
  const [a, b] = await Promise.all([deliverDueWebhooks({ db, now: () => T0, addressPolicy: LOCAL_FAKES, secrets: TEST_SECRETS }, { workspaceId }), deliverDueWebhooks({ db, now: () => T0, addressPolicy: LOCAL_FAKES, secrets: TEST_SECRETS }, { workspaceId })])
  t.equal(a.delivered + b.delivered, 30)
  t.equal(receiver.received.length, 30)
  t.equal(new Set(receiver.received.map((r) => JSON.parse(r.body).id)).size, 30)
})

t.test('the webhooks job announces each finished score run once', async (t) => {
  const receiver = await startReceiver()
  t.teardown(receiver.close)
  const { workspaceId, hook } = await workspaceWithHook(receiver.url, ['score_run.finished'])
  const topic = await db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Vide', query: '#vide' }).returning('id').executeTakeFirstOrThrow()
  const now = new Date()
  const run = await scoreTopic(db, topic.id, { now })
  const job = createWebhooksJob({ now: () => new Date(now.getTime() + 60_000), addressPolicy: LOCAL_FAKES, secrets: TEST_SECRETS })
  t.match(await runJob({ db, log: silent }, job, { workspaceId }, { trigger: 'schedule' }), { status: 'succeeded', stats: { announced: 1, delivered: 1 } })
  t.match(await runJob({ db, log: silent }, job, { workspaceId }, { trigger: 'schedule' }), { status: 'succeeded', stats: { announced: 0, delivered: 0 } })
  t.equal(receiver.received.length, 1)
  t.ok(receiverAccepts(receiver.received[0].headers['relais-signature'], hook.secret, receiver.received[0].body))
  t.match(JSON.parse(receiver.received[0].body), { type: 'score_run.finished', data: { topicId: topic.id, scoreRunId: run.runId } })
})

t.test('a receiver that trickles its answer is cut at the delivery deadline; a redirect is not followed', async (t) => {
  // Headers at once, then one byte every 100 ms for 20 s: each byte resets an idle timer, only a total deadline ends it.
  const trickle = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' })
    const timer = setInterval(() => res.write('.'), 100)
    setTimeout(() => { clearInterval(timer); res.end() }, 20_000).unref()
    res.on('close', () => clearInterval(timer))
  })
  await new Promise<void>((resolve) => trickle.listen(0, '127.0.0.1', resolve))
  t.teardown(() => { trickle.closeAllConnections(); trickle.close() })
  const { workspaceId, hook, service } = await workspaceWithHook(`http://127.0.0.1:${(trickle.address() as AddressInfo).port}/slow`, ['alert.created'])
  await emitWebhookEvent(db, workspaceId, 'alert.created', 'alert:trickle', {}, T0)
  t.same(await deliverDueWebhooks({ db, now: () => T0, addressPolicy: LOCAL_FAKES, secrets: TEST_SECRETS, timeoutMs: 1000 }, { workspaceId }), { delivered: 0, retrying: 1, failed: 0 })
  const [log] = (await service.deliveries(workspaceId, hook.id, 10)).items
  t.match(log, { status: 'pending', lastError: 'The receiver did not answer within 1 s.' })

  const target = await startReceiver()
  t.teardown(target.close)
  const mover = createServer((_req, res) => { res.writeHead(307, { location: target.url }); res.end() })
  await new Promise<void>((resolve) => mover.listen(0, '127.0.0.1', resolve))
  t.teardown(() => { mover.closeAllConnections(); mover.close() })
  const moved = await workspaceWithHook(`http://127.0.0.1:${(mover.address() as AddressInfo).port}/moved`, ['alert.created'])
  await emitWebhookEvent(db, moved.workspaceId, 'alert.created', 'alert:moved', {}, T0)
  t.same(await deliverDueWebhooks({ db, now: () => T0, addressPolicy: LOCAL_FAKES, secrets: TEST_SECRETS }, { workspaceId: moved.workspaceId }), { delivered: 0, retrying: 1, failed: 0 })
  const [movedLog] = (await moved.service.deliveries(moved.workspaceId, moved.hook.id, 10)).items
  t.match(movedLog, { lastStatusCode: 307, lastError: 'The receiver answered 307.' })
  t.equal(target.received.length, 0, 'the redirect target got nothing')
})
