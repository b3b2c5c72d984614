import t from 'tap'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { sendDueDigests, type DigestSenderDeps } from '../../src/insight/digest/delivery/send-due-digests.ts'
import { smtpTransport } from '../../src/insight/digest/delivery/transport.ts'
import { createDigestService } from '../../src/insight/digest/service.ts'
import { parseMail } from './fixtures/mime.ts'
import { silent } from './fixtures/sandbox-topic.ts'
import { startSmtpSink, type SmtpSink } from './fixtures/smtp-sink.ts'

// Links expire against the real clock, so the digest is due now: this weekday and hour, in UTC.
const NOW = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 1_800_000)
const WEEKDAY = (['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const)[(NOW.getUTCDay() + 6) % 7]
const week = (n: number) => new Date(NOW.getTime() + n * 7 * 86_400_000)
const FROM = 'Relais <digest@relais.test>'

const mailTo = (sink: SmtpSink, address: string) => sink.received.filter((m) => m.to.includes(address)).map((m) => parseMail(m.raw))
const TOKEN = '([A-Za-z0-9_-]{43})'

t.test('one-click unsubscribe: each recipient\'s email carries its own link; the POST takes that address off, and the next digest skips it', async (t) => {
  const { app, database, mine } = await buildTestApp(t)
  const { db } = database
  const sink = await startSmtpSink()
  t.teardown(sink.close)
  const topic = await db.insertInto('topics').values({ workspace_id: mine.id, name: 'Fleuristes', query: '#fleuriste' }).returning('id').executeTakeFirstOrThrow()
  const service = createDigestService({ db, now: () => new Date(NOW.getTime() - 8 * 86_400_000) })
  const sub = await service.create(mine.id, { topicId: topic.id, recipients: ['ana@relais.test', 'Bob@relais.test'], weekday: WEEKDAY, hour: NOW.getUTCHours(), timeZone: 'UTC', language: 'fr' })
  const sender = (now: Date): DigestSenderDeps => ({ db, transport: smtpTransport(sink.url).transport, from: FROM, publicUrl: 'https://relais.example/', instanceId: 'x', now: () => now, log: silent, retryDelaysMs: [0] })

  t.match(await sendDueDigests(sender(week(0)), { workspaceId: mine.id }, new AbortController().signal), { sent: 1 })
  const [ana] = mailTo(sink, 'ana@relais.test')
  const [bob] = mailTo(sink, 'Bob@relais.test')
  t.ok(ana && bob, 'each recipient received the digest')
  const header = new RegExp(`^<https://relais\\.example/v1/unsubscribe/${TOKEN}>$`).exec(ana.headers.get('list-unsubscribe') ?? '')
  t.ok(header, `List-Unsubscribe is one https URL: ${ana.headers.get('list-unsubscribe')}`)
  t.equal(ana.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click', 'RFC 8058 one-click')
  const anaToken = header![1]
  t.match(ana.html, `href="https://relais.example/unsubscribe#${anaToken}"`, 'a visible link in the HTML part, with the same secret')
  t.match(ana.html, '>Se désabonner</a>', 'in the subscription\'s language')
  t.match(ana.text, `Se désabonner: https://relais.example/unsubscribe#${anaToken}`, 'and in the text part')
  const bobToken = new RegExp(`/v1/unsubscribe/${TOKEN}>`).exec(bob.headers.get('list-unsubscribe') ?? '')?.[1]
  t.not(bobToken, anaToken, 'each recipient has a link of their own')
  t.not(ana.headers.get('message-id'), bob.headers.get('message-id'), 'two messages, two Message-IDs')

  // What a mail client does: a POST with no cookie and no key, the body RFC 8058 prescribes.
  const posted = await app.inject({ method: 'POST', url: `/v1/unsubscribe/${anaToken}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' })
  t.equal(posted.statusCode, 200)
  t.same(posted.json(), { address: 'ana@relais.test', topicName: 'Fleuristes', changed: true })
  const again = await app.inject({ method: 'POST', url: `/v1/unsubscribe/${anaToken}`, headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n' })
  t.match(again.json(), { address: 'ana@relais.test', changed: false }, 'a second click (multipart this time) changes nothing and still answers')
  const after = (await app.inject({ url: `/v1/digests/${sub.id}`, headers: bearer(mine.read) })).json()
  t.same(after.recipients, ['Bob@relais.test'], 'the subscription lists only the other recipient')

  t.match(await sendDueDigests(sender(week(1)), { workspaceId: mine.id }, new AbortController().signal), { sent: 1 })
  t.equal(mailTo(sink, 'ana@relais.test').length, 1, 'the next digest is not sent to the address that left')
  t.equal(mailTo(sink, 'Bob@relais.test').length, 2, 'the other recipient still gets it')

  // An admin who puts the address back on purpose: it is sent to again.
  await service.update(mine.id, sub.id, { recipients: ['ana@relais.test', 'Bob@relais.test'] })
  t.match(await sendDueDigests(sender(week(2)), { workspaceId: mine.id }, new AbortController().signal), { sent: 1 })
  t.equal(mailTo(sink, 'ana@relais.test').length, 2)
})

t.test('the unsubscribe route: unknown links are 404, guessing is throttled', async (t) => {
  const { app } = await buildTestApp(t)
  const unknown = await app.inject({ method: 'POST', url: `/v1/unsubscribe/${'a'.repeat(43)}`, payload: { 'List-Unsubscribe': 'One-Click' } })
  t.equal(unknown.statusCode, 404)
  t.match(unknown.headers['content-type'], /^application\/problem\+json/)
  t.match(unknown.json().detail, /unknown or has expired/)
  const statuses: number[] = []
  for (let i = 0; i < 12; i++) statuses.push((await app.inject({ method: 'POST', url: `/v1/unsubscribe/${String(i).padStart(43, 'c')}`, remoteAddress: '10.0.0.9', payload: { 'List-Unsubscribe': 'One-Click' } })).statusCode)
  t.same(statuses.slice(0, 10), Array(10).fill(404))
  t.same(statuses.slice(10), [429, 429], 'past 10 tries a minute from one address, refused')
})
