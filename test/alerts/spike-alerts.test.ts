import t from 'tap'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'
import { LOCAL_FAKES } from '../helpers/local-network.ts'
import { createAnalyseJob } from '../../jobs/analyse.ts'
import { runJob } from '../../jobs/run-job.ts'
import { createAlertService } from '../../src/insight/alerts/service.ts'
import { generateSandbox } from '../../src/simulation/sandbox/index.ts'
import { createWebhookService } from '../../src/tenancy/webhooks/service.ts'
import { fileDatabase } from '../helpers/app.ts'
import { collectedTopic, silent } from '../digest/fixtures/sandbox-topic.ts'
import { receiverAccepts, startReceiver } from '../webhooks/fixtures/receiver.ts'

const HOUR = 3_600_000

t.test('the planted negative spike raises one alert per network and kind, pushed to a signed webhook', async (t) => {
  const { db } = await fileDatabase()
  const data = generateSandbox({ seed: 'spike', accounts: 1500, days: 10, futureHours: 0 })
  const spike = data.truth.spike
  const { workspaceId, topicId } = await collectedTopic(db, data, [])
  const alerts = createAlertService({ db })
  await alerts.saveSettings(workspaceId, topicId, { k: 3, minVolume: 10, cooldownHours: 24, baselineHours: 168 })

  const receiver = await startReceiver()
  t.teardown(receiver.close)
  const webhooks = createWebhookService({ db, addressPolicy: LOCAL_FAKES, secrets: TEST_SECRETS })
  const hook = await webhooks.create(workspaceId, { url: receiver.url, events: ['alert.created'], description: 'on call', active: true })

  // The job runs every hour, five minutes past: from two days before the spike to a day after it.
  let now = new Date(spike.start.getTime() - 48 * HOUR + 5 * 60_000)
  const job = createAnalyseJob({ now: () => now, addressPolicy: LOCAL_FAKES, secrets: TEST_SECRETS })
  const analyse = () => runJob({ db, log: silent }, job, { workspaceId }, { trigger: 'schedule' })
  for (; now.getTime() < spike.end.getTime() + 24 * HOUR; now = new Date(now.getTime() + HOUR)) t.equal((await analyse()).status, 'succeeded')

  const raised = (await alerts.list(workspaceId, topicId, { limit: 100 })).items
  t.ok(raised.some((a) => a.kind === 'negative'), `negative alerts: ${raised.filter((a) => a.kind === 'negative').map((a) => a.network).join(', ')}`)
  for (const a of raised) {
    const hour = new Date(a.hourStart).getTime()
    t.ok(hour >= spike.start.getTime() && hour < spike.end.getTime(), `${a.network} ${a.kind} alert at ${a.hourStart} is inside the planted spike (${spike.start.toISOString()}–${spike.end.toISOString()})`)
    t.ok(a.observed > a.baseline.threshold, 'above its threshold')
  }
  const keys = raised.map((a) => `${a.network} ${a.kind}`)
  t.same(keys.length, new Set(keys).size, `one alert per network and kind within the cooldown: ${keys.join(', ')}`)

  // The same hours analysed again add nothing.
  t.equal((await analyse()).status, 'succeeded')
  t.equal((await alerts.list(workspaceId, topicId, { limit: 100 })).items.length, raised.length)

  // Each alert reached the receiver once, signed with the secret shown at creation.
  t.equal(receiver.received.length, raised.length, 'one delivery per alert')
  const delivered = receiver.received.map((r) => {
    t.ok(receiverAccepts(r.headers['relais-signature'], hook.secret, r.body), 'the receiver verifies the signature')
    t.notOk(receiverAccepts(r.headers['relais-signature'], 'whsec_wrong', r.body), 'a wrong secret does not verify')
    t.notOk(receiverAccepts(r.headers['relais-signature'], hook.secret, r.body.replace('"alert.created"', '"alert.forged"')), 'a changed body does not verify')
    t.equal(r.headers['relais-event'], 'alert.created')
    return JSON.parse(r.body) as { type: string; data: { id: number; topicId: string; kind: string } }
  })
  t.same(delivered.map((d) => d.data.id).sort(), raised.map((a) => a.id).sort(), 'the payloads are the alerts')
  t.ok(delivered.every((d) => d.type === 'alert.created' && d.data.topicId === topicId))
  const log = (await webhooks.deliveries(workspaceId, hook.id, 100)).items
  t.ok(log.length === raised.length && log.every((d) => d.status === 'delivered' && d.attempts === 1 && d.lastStatusCode === 204), 'the delivery log shows each delivered at the first attempt')
})
