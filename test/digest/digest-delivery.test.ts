import t from 'tap'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'
import { LOCAL_FAKES } from '../helpers/local-network.ts'
import { sql } from 'kysely'
import { createDigestJob } from '../../jobs/digest.ts'
import { createScheduler } from '../../jobs/scheduler.ts'
import { sendDueDigests, type DigestSenderDeps } from '../../src/insight/digest/delivery/send-due-digests.ts'
import { smtpTransport, type MailTransport } from '../../src/insight/digest/delivery/transport.ts'
import { createDigestService } from '../../src/insight/digest/service.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { deliverDueWebhooks } from '../../src/tenancy/webhooks/dispatch.ts'
import { createWebhookService } from '../../src/tenancy/webhooks/service.ts'
import { receiverAccepts, startReceiver } from '../webhooks/fixtures/receiver.ts'
import { fileDatabase } from '../helpers/app.ts'
import { decodeHeader, parseMail } from './fixtures/mime.ts'
import { collectedTopic, digestSandbox, silent } from './fixtures/sandbox-topic.ts'
import { startSmtpSink, type SmtpSink } from './fixtures/smtp-sink.ts'

// The sandbox ends on Monday 2 June 2025 at 12:00 UTC; digests are due that morning (ISO week 2025-W23).
const FROM = 'Relais <digest@relais.test>'
const MONDAY = new Date('2025-06-02T06:30:00Z')

const database = await fileDatabase()
const { db } = database
const data = digestSandbox()
const velo = await collectedTopic(db, data, [new Date('2025-05-26T05:00:00Z'), new Date('2025-06-02T05:00:00Z')])

async function until(condition: () => Promise<boolean> | boolean, what: string) {
  for (let i = 0; i < 600; i++) {
    if (await condition()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

const digestRuns = async () => (await sql<{ n: number }>`select count(*)::int as n from job_runs where job = 'digest' and status = 'succeeded'`.execute(db)).rows[0].n
const mailTo = (sink: SmtpSink, address: string) => sink.received.filter((m) => m.to.includes(address))

t.test('two scheduler instances and a restart send one digest per subscription and week, naming the influencers and the numbers', async (t) => {
  const sink = await startSmtpSink()
  t.teardown(sink.close)
  let now = MONDAY
  const subscriptions = createDigestService({ db, now: () => new Date('2025-06-01T00:00:00Z') })
  const paris = await subscriptions.create(velo.workspaceId, { topicId: velo.topicId, recipients: ['ana@relais.test', 'bob@relais.test'], weekday: 'monday', hour: 8, timeZone: 'Europe/Paris', language: 'en' })
  const newYork = await subscriptions.create(velo.workspaceId, { topicId: velo.topicId, recipients: ['claire@relais.test'], weekday: 'monday', hour: 2, timeZone: 'America/New_York', language: 'fr' })
  const later = await subscriptions.create(velo.workspaceId, { topicId: velo.topicId, recipients: ['dan@relais.test'], weekday: 'monday', hour: 9, timeZone: 'Europe/Paris', language: 'en' })

  const instance = (id: string) => createScheduler({
    db, log: silent, instanceId: id, queuePollMs: 60_000,
    jobs: [createDigestJob({ transport: smtpTransport(sink.url).transport, from: FROM, publicUrl: 'https://relais.example', now: () => now, instanceId: id, schedule: '* * * * * *', retryDelaysMs: [0] })],
  })
  const runFor = async (fires: number, ...ids: string[]) => {
    const schedulers = ids.map(instance)
    const before = await digestRuns()
    for (const s of schedulers) s.start()
    await until(async () => (await digestRuns()) >= before + fires, `${fires} digest runs`)
    await Promise.all(schedulers.map((s) => s.stop()))
  }

  await runFor(4, 'a', 'b')
  t.equal(sink.received.length, 2, 'two digests due at 06:30 UTC, one email each')
  t.equal(mailTo(sink, 'ana@relais.test').length, 1)
  t.same(mailTo(sink, 'ana@relais.test')[0].to.sort(), ['ana@relais.test', 'bob@relais.test'], 'one email to every recipient of the subscription')
  t.equal(mailTo(sink, 'claire@relais.test').length, 1, 'Monday 02:00 in New York is 06:00 UTC: due too')
  t.equal(mailTo(sink, 'dan@relais.test').length, 0, 'Monday 09:00 in Paris is not there yet')

  now = new Date('2025-06-02T07:30:00Z')
  await runFor(3, 'c')
  t.equal(sink.received.length, 3, 'after a restart, only the digest that came due is sent')
  t.equal(mailTo(sink, 'dan@relais.test').length, 1)

  now = new Date('2025-06-09T07:30:00Z')
  await runFor(3, 'd', 'e')
  t.equal(sink.received.length, 6, 'the next week, one more email per subscription')
  for (const sub of [paris, newYork, later]) {
    const ids = sink.received.filter((m) => m.to.includes(sub.recipients[0])).map((m) => parseMail(m.raw).headers.get('message-id'))
    t.same(ids.sort(), [`<digest-${sub.id}-2025-W23@relais.test>`, `<digest-${sub.id}-2025-W24@relais.test>`], 'the Message-ID names the subscription and the week')
  }
  const deliveries = await subscriptions.deliveries(velo.workspaceId, paris.id, 10)
  t.same(deliveries.items.map((d) => [d.isoWeek, d.status, d.attempts]), [['2025-W24', 'sent', 1], ['2025-W23', 'sent', 1]])

  // What the reader sees: the numbers of the week and the topic's top influencers.
  const mail = parseMail(mailTo(sink, 'ana@relais.test')[0].raw)
  const week = { start: new Date('2025-05-26T06:00:00Z'), end: new Date('2025-06-02T06:00:00Z') }
  const counted = await sql<{ mentions: number; authors: number }>`
    select count(*)::int as mentions, count(distinct p.author_id)::int as authors from topic_posts tp join posts p on p.id = tp.post_id
    where tp.topic_id = ${velo.topicId} and p.created_at >= ${week.start} and p.created_at < ${week.end}`.execute(db)
  const { mentions, authors } = counted.rows[0]
  t.ok(mentions > 50, `${mentions} mentions in the week`)
  t.match(decodeHeader(mail.headers.get('subject') ?? ''), new RegExp(`^Vélo en ville: ${mentions.toLocaleString('en-GB')} mentions this week`))
  t.match(mail.text, `Mentions: ${mentions.toLocaleString('en-GB')} `)
  t.match(mail.text, `Authors: ${authors.toLocaleString('en-GB')} `)
  t.match(mail.html, `>${mentions.toLocaleString('en-GB')}</div>`)
  const top = await sql<{ handle: string }>`
    select a.handle from scores s join accounts a on a.id = s.account_id
    where s.run_id = (select id from score_runs where topic_id = ${velo.topicId} order by computed_at desc limit 1)
    order by s.influence_rank limit 3`.execute(db)
  t.equal(top.rows.length, 3)
  for (const { handle } of top.rows) {
    t.match(mail.text, `@${handle}`, `the text part names ${handle}`)
    t.match(mail.html, `@${handle}`, `the HTML part names ${handle}`)
  }
  t.match(mail.html, `https://relais.example/open?to=/topics/${velo.topicId}/people#`, 'the influencers link opens the people page of the app')
  const token = new RegExp(`/open\\?to=[^#"]+#([A-Za-z0-9_-]{43})`).exec(mail.html)?.[1]
  const link = await sql<{ purpose: string; topic_id: string }>`select purpose, topic_id from access_links where token_hash = encode(sha256(convert_to(${token ?? ''}, 'UTF8')), 'hex')`.execute(db)
  t.same(link.rows, [{ purpose: 'share', topic_id: velo.topicId }], 'with a read-only link to the topic for recipients without an account')
  t.notMatch(mail.html, /<script|<img|<link |src=/i, 'no script and no external image')
  t.equal(mail.headers.get('auto-submitted'), 'auto-generated')
  const french = parseMail(mailTo(sink, 'claire@relais.test')[0].raw)
  t.match(french.text, 'LA SEMAINE EN CHIFFRES')
  t.match(decodeHeader(french.headers.get('subject') ?? ''), `Vélo en ville : ${mentions.toLocaleString('fr-FR')} mentions cette semaine`)
})

/** A workspace with an empty topic and one subscription due on Monday 2 June 2025 08:00 Paris time. */
async function subscription(recipients: string[]) {
  const { id: workspaceId } = await createWorkspace(db, 'Delivery')
  const topic = await db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Trottinettes', query: '#trottinette' }).returning('id').executeTakeFirstOrThrow()
  const service = createDigestService({ db, now: () => new Date('2025-06-01T00:00:00Z') })
  const sub = await service.create(workspaceId, { topicId: topic.id, recipients, weekday: 'monday', hour: 8, timeZone: 'Europe/Paris', language: 'en' })
  return { workspaceId, id: sub.id, service }
}

const sender = (transport: MailTransport, now: Date, instanceId: string): DigestSenderDeps => ({
  db, transport, from: FROM, publicUrl: 'https://relais.example', instanceId, now: () => now, log: silent, retryDelaysMs: [0],
})

t.test('a process that dies after the server took the message: the digest is not sent again (at most once)', async (t) => {
  const sink = await startSmtpSink()
  t.teardown(sink.close)
  const { workspaceId, id, service } = await subscription(['erin@relais.test'])
  const real = smtpTransport(sink.url).transport
  // Sends, then never comes back: the process "dies" before recording the send.
  const dying: MailTransport = { async send(message, signal) { await real.send(message, signal); return new Promise(() => {}) }, close() {} }
  void sendDueDigests(sender(dying, MONDAY, 'dead'), { workspaceId }, new AbortController().signal)
  await until(() => mailTo(sink, 'erin@relais.test').length === 1, 'the first email')

  const restarted = await sendDueDigests(sender(real, new Date(MONDAY.getTime() + 11 * 60_000), 'alive'), { workspaceId }, new AbortController().signal)
  t.match(restarted, { sent: 0, unknown: 1 })
  const again = await sendDueDigests(sender(real, new Date(MONDAY.getTime() + 3 * 3_600_000), 'alive'), { workspaceId }, new AbortController().signal)
  t.match(again, { sent: 0 })
  t.equal(mailTo(sink, 'erin@relais.test').length, 1, 'one email, never two')
  const [delivery] = (await service.deliveries(workspaceId, id, 5)).items
  t.match(delivery, { isoWeek: '2025-W23', status: 'unknown', error: /never arrives twice/ })
})

t.test('a process that died while composing (before SMTP) leaves a claim that is taken over and sent once', async (t) => {
  const sink = await startSmtpSink()
  t.teardown(sink.close)
  const { workspaceId, id, service } = await subscription(['fred@relais.test'])
  await db.insertInto('digest_deliveries').values({
    subscription_id: id, iso_week: '2025-W23', scheduled_for: new Date('2025-06-02T06:00:00Z'), status: 'claimed', message_id: `<digest-${id}-2025-W23@relais.test>`,
    claimed_by: 'dead', lease_until: new Date(MONDAY.getTime() - 60_000), next_attempt_at: null, smtp_response: null, error: null, sent_at: null,
  }).execute()
  const real = smtpTransport(sink.url).transport
  const stats = await sendDueDigests(sender(real, MONDAY, 'alive'), { workspaceId }, new AbortController().signal)
  t.match(stats, { sent: 1 })
  t.equal(mailTo(sink, 'fred@relais.test').length, 1)
  t.match((await service.get(workspaceId, id)).lastDelivery, { status: 'sent', attempts: 1 })
})

t.test('a server that says "try later" gets the same message again, and delivers it once', async (t) => {
  const sink = await startSmtpSink({ tempFailures: 1 })
  t.teardown(sink.close)
  const { workspaceId, id, service } = await subscription(['gina@relais.test'])
  const stats = await sendDueDigests(sender(smtpTransport(sink.url).transport, MONDAY, 'x'), { workspaceId }, new AbortController().signal)
  t.match(stats, { sent: 1 })
  t.equal(mailTo(sink, 'gina@relais.test').length, 1)
  t.match((await service.get(workspaceId, id)).lastDelivery, { status: 'sent', attempts: 2 })
})

t.test('a server that is down: the digest waits and goes out at a later run, with the same Message-ID', async (t) => {
  const down = await startSmtpSink()
  await down.close()
  const { workspaceId, id, service } = await subscription(['hugo@relais.test'])
  const first = await sendDueDigests(sender(smtpTransport(down.url).transport, MONDAY, 'x'), { workspaceId }, new AbortController().signal)
  t.match(first, { sent: 0, retrying: 1 })
  const waiting = (await service.get(workspaceId, id)).lastDelivery
  t.match(waiting, { status: 'retrying', attempts: 2, error: /ECONNREFUSED|connect/i })

  const sink = await startSmtpSink()
  t.teardown(sink.close)
  const early = await sendDueDigests(sender(smtpTransport(sink.url).transport, new Date(MONDAY.getTime() + 60_000), 'x'), { workspaceId }, new AbortController().signal)
  t.match(early, { sent: 0 }, 'not before its retry time')
  const later = await sendDueDigests(sender(smtpTransport(sink.url).transport, new Date(MONDAY.getTime() + 3_600_000), 'x'), { workspaceId }, new AbortController().signal)
  t.match(later, { sent: 1 })
  const received = mailTo(sink, 'hugo@relais.test')
  t.equal(received.length, 1)
  t.equal(parseMail(received[0].raw).headers.get('message-id'), `<digest-${id}-2025-W23@relais.test>`)
})

t.test('addresses the server refuses are reported on the subscription', async (t) => {
  const sink = await startSmtpSink({ refuse: ['nobody@relais.test', 'gone@relais.test'] })
  t.teardown(sink.close)
  const partly = await subscription(['iris@relais.test', 'nobody@relais.test'])
  const wholly = await subscription(['gone@relais.test'])
  const transport = smtpTransport(sink.url).transport
  t.match(await sendDueDigests(sender(transport, MONDAY, 'x'), { workspaceId: partly.workspaceId }, new AbortController().signal), { sent: 1 })
  t.match(await sendDueDigests(sender(transport, MONDAY, 'x'), { workspaceId: wholly.workspaceId }, new AbortController().signal), { failed: 1 })

  const a = await partly.service.get(partly.workspaceId, partly.id)
  t.same(sink.received.filter((m) => m.to.includes('iris@relais.test')).map((m) => m.to), [['iris@relais.test']])
  t.match(a.refusedRecipients, [{ address: 'nobody@relais.test', permanent: true, reason: /550/ }])
  t.match(a.lastDelivery, { status: 'sent', accepted: ['iris@relais.test'], refused: [{ address: 'nobody@relais.test' }] })
  const b = await wholly.service.get(wholly.workspaceId, wholly.id)
  t.match(b.refusedRecipients, [{ address: 'gone@relais.test', permanent: true }])
  t.match(b.lastDelivery, { status: 'failed', error: /Refused/ })

  // Fixing the list clears the report of the address taken off it.
  const fixed = await partly.service.update(partly.workspaceId, partly.id, { recipients: ['iris@relais.test'] })
  t.same(fixed.refusedRecipients, [])
})

t.test('a sent digest is announced to the workspace\'s digest.sent webhooks, signed', async (t) => {
  const sink = await startSmtpSink()
  t.teardown(sink.close)
  const receiver = await startReceiver()
  t.teardown(receiver.close)
  const { workspaceId, id } = await subscription(['jade@relais.test'])
  const webhooks = createWebhookService({ db, addressPolicy: LOCAL_FAKES, secrets: TEST_SECRETS })
  const hook = await webhooks.create(workspaceId, { url: receiver.url, events: ['digest.sent'], description: '', active: true })
  t.match(await sendDueDigests(sender(smtpTransport(sink.url).transport, MONDAY, 'x'), { workspaceId }, new AbortController().signal), { sent: 1 })
  t.match(await deliverDueWebhooks({ db, now: () => MONDAY, addressPolicy: LOCAL_FAKES, secrets: TEST_SECRETS }, { workspaceId }), { delivered: 1 })
  t.equal(receiver.received.length, 1)
  const [event] = receiver.received
  t.ok(receiverAccepts(event.headers['relais-signature'], hook.secret, event.body))
  t.match(JSON.parse(event.body), { type: 'digest.sent', id: `digest:${id}:2025-W23`, data: { subscriptionId: id, isoWeek: '2025-W23', messageId: `<digest-${id}-2025-W23@relais.test>` } })
})
