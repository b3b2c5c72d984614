import t from 'tap'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { buildApp } from '../../src/api/app.ts'
import { DEFAULT_WEB_ROOT } from '../../src/api/plugins/web-app.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { sendDueDigests } from '../../src/insight/digest/delivery/send-due-digests.ts'
import { smtpTransport } from '../../src/insight/digest/delivery/transport.ts'
import { createDigestService } from '../../src/insight/digest/service.ts'
import { fileDatabase } from '../helpers/app.ts'
import { BROWSER_ARGS, settled } from '../helpers/browser.ts'
import { collectedTopic, digestSandbox, silent } from '../digest/fixtures/sandbox-topic.ts'
import { parseMail } from '../digest/fixtures/mime.ts'
import { startSmtpSink } from '../digest/fixtures/smtp-sink.ts'

const CHROMIUM = '/usr/bin/chromium'
const skip = !existsSync(CHROMIUM) ? `Chromium is not installed at ${CHROMIUM}` : !existsSync(join(DEFAULT_WEB_ROOT, 'index.html')) ? 'the web app is not built (npm run build)' : false
const SHOTS = join(process.cwd(), 'screenshots', 'web')

t.test('a digest received by someone without an account: its link opens the page it names, read-only, and its unsubscribe link works', { skip }, async (t) => {
  const { db } = await fileDatabase()
  const now = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000)
  const { workspaceId, topicId } = await collectedTopic(db, digestSandbox(now), [new Date(now.getTime() - 7 * 86_400_000), now])
  const app = await buildApp({ db, metrics: createMetrics(), bodyLimit: 1 << 20, rateLimitPerMinute: 10_000 })
  t.teardown(() => app.close())
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const sink = await startSmtpSink()
  t.teardown(sink.close)

  // Due this hour (UTC), subscribed a week ago.
  const sendAt = new Date(now.getTime() + 60_000)
  const weekday = (['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const)[(sendAt.getUTCDay() + 6) % 7]
  const service = createDigestService({ db, now: () => new Date(now.getTime() - 8 * 86_400_000) })
  const sub = await service.create(workspaceId, { topicId, recipients: ['visitor@relais.test'], weekday, hour: sendAt.getUTCHours(), timeZone: 'UTC', language: 'en' })
  const sent = await sendDueDigests({ db, transport: smtpTransport(sink.url).transport, from: 'Relais <digest@relais.test>', publicUrl: base, instanceId: 't', now: () => sendAt, log: silent, retryDelaysMs: [0] }, { workspaceId }, new AbortController().signal)
  t.match(sent, { sent: 1 })
  const mail = parseMail(sink.received[0].raw)
  const people = new RegExp(`href="(${base.replace(/[.]/g, '\\.')}/open\\?to=/topics/${topicId}/people#[A-Za-z0-9_-]{43})"`).exec(mail.html)?.[1]
  const unsubscribe = new RegExp(`href="(${base.replace(/[.]/g, '\\.')}/unsubscribe#[A-Za-z0-9_-]{43})"`).exec(mail.html)?.[1]
  t.ok(people, 'the email links to the topic\'s people page')
  t.ok(unsubscribe, 'and has a visible unsubscribe link')
  mkdirSync(SHOTS, { recursive: true })

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS })
  t.teardown(() => browser.close())
  const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } })
  const page = await visitor.newPage()
  const problems: string[] = []
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`) })

  await page.goto(people!)
  await page.waitForURL(`${base}/topics/${topicId}/people`)
  await settled(page)
  t.match(await page.innerText('main'), 'Relays', 'the link opens the page it names')
  t.match(await page.innerText('header'), 'Read-only view of one topic', 'read-only, without an account')
  await page.screenshot({ path: join(SHOTS, 'digest-link-390.png'), fullPage: true })

  await page.goto(unsubscribe!)
  await page.click('text=Confirm unsubscribe')
  await page.waitForSelector('text=You are unsubscribed from this digest.')
  await page.screenshot({ path: join(SHOTS, 'unsubscribed-390.png'), fullPage: true })
  t.same((await service.get(workspaceId, sub.id)).recipients, [], 'the address is off the digest')
  t.same(problems, [], 'no console error')
})
