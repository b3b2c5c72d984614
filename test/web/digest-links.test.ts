import t from 'tap'
import { existsSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { chromium } from 'playwright-core'
import { DEFAULT_WEB_ROOT } from '../../src/api/plugins/web-app.ts'
import { openDatabase } from '../../src/platform/db/database.ts'
import { sendDueDigests } from '../../src/insight/digest/delivery/send-due-digests.ts'
import { smtpTransport } from '../../src/insight/digest/delivery/transport.ts'
import { createDigestService } from '../../src/insight/digest/service.ts'
import { BROWSER_ARGS, settled } from '../helpers/browser.ts'
import { startCli } from '../helpers/run-cli.ts'
import { silent } from '../digest/fixtures/sandbox-topic.ts'
import { parseMail } from '../digest/fixtures/mime.ts'
import { startSmtpSink } from '../digest/fixtures/smtp-sink.ts'

const CHROMIUM = '/usr/bin/chromium'
const skip = process.env.DATABASE_URL ? 'the demo runs on its own embedded database (runs in the suite without DATABASE_URL)'
  : !existsSync(CHROMIUM) ? `Chromium is not installed at ${CHROMIUM}` : !existsSync(join(DEFAULT_WEB_ROOT, 'index.html')) ? 'the web app is not built (npm run build)' : false
const SHOTS = join(process.cwd(), 'screenshots', 'web')

/** Resolves once `child` has printed a line matching `ready` on stdout or stderr; rejects if it exits first. */
function printed(child: ChildProcess, ready: RegExp, timeoutMs: number): Promise<string> {
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not printed within ${timeoutMs} ms:\n${output}`)), timeoutMs)
    const take = (d: Buffer) => { output += d; if (ready.test(output)) { clearTimeout(timer); resolve(output) } }
    child.stdout!.on('data', take)
    child.stderr!.on('data', take)
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`exited with ${code} before it was ready:\n${output}`)) })
  })
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())))

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return typeof address === 'object' && address ? address.port : 0
}

// `relais demo` sends no digest (its database is built anew each run, and a digest made there is
// first due a week later), so the demo's data is taken as it left it: the demo runs and stops, a
// digest of its first topic is sent as the digest job does once its slot has come, then
// `relais serve` serves that same data folder to the recipient, who has no account.
t.test('a digest of the demo\'s topic, received by someone without an account: its link opens the page it names, read-only, and its unsubscribe link works', { skip }, async (t) => {
  const dataDir = t.testdir()
  const demo = startCli(['demo', '--accounts', '300'], { DATA_DIR: dataDir, DATABASE_URL: undefined, PORT: '0', HOST: '127.0.0.1', PUBLIC_URL: undefined, SMTP_URL: undefined })
  t.teardown(() => { demo.kill('SIGKILL') })
  const demoOutput = await printed(demo, /Ctrl-C stops the demo/, 280_000)
  const demoTopic = /^ {2}topic {9}(.+): http/m.exec(demoOutput)![1]
  demo.kill('SIGTERM')
  await exited(demo)

  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const sink = await startSmtpSink()
  t.teardown(sink.close)
  const database = await openDatabase({ dataDir: join(dataDir, 'demo'), command: 'digest-links test' })
  const topic = await database.db.selectFrom('topics').select(['id', 'workspace_id']).where('name', '=', demoTopic).executeTakeFirstOrThrow()
  // Subscribed a week ago, due this hour (UTC).
  const now = new Date()
  const weekday = (['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const)[(now.getUTCDay() + 6) % 7]
  const service = createDigestService({ db: database.db, now: () => new Date(now.getTime() - 8 * 86_400_000) })
  const sub = await service.create(topic.workspace_id, { topicId: topic.id, recipients: ['visitor@relais.test'], weekday, hour: now.getUTCHours(), timeZone: 'UTC', language: 'en' })
  const sent = await sendDueDigests({ db: database.db, transport: smtpTransport(sink.url).transport, from: 'Relais <digest@relais.test>', publicUrl: base, instanceId: 't', now: () => now, log: silent, retryDelaysMs: [0] }, { workspaceId: topic.workspace_id }, new AbortController().signal)
  await database.close()
  t.match(sent, { sent: 1 }, 'the digest of the demo\'s topic is sent')
  const mail = parseMail(sink.received[0].raw)
  t.match(mail.html, demoTopic, 'the email is about the demo\'s topic')
  const people = new RegExp(`href="(${base.replace(/[.]/g, '\\.')}/open\\?to=/topics/${topic.id}/people#[A-Za-z0-9_-]{43})"`).exec(mail.html)?.[1]
  const unsubscribe = new RegExp(`href="(${base.replace(/[.]/g, '\\.')}/unsubscribe#[A-Za-z0-9_-]{43})"`).exec(mail.html)?.[1]
  t.ok(people, 'the email links to the topic\'s people page')
  t.ok(unsubscribe, 'and has a visible unsubscribe link')

  const serve = startCli(['serve'], { DATA_DIR: join(dataDir, 'demo'), DATABASE_URL: undefined, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base, SMTP_URL: undefined, SCHEDULER: 'off' })
  t.teardown(() => { serve.kill('SIGKILL') })
  await printed(serve, /Relais is listening on/, 120_000)
  mkdirSync(SHOTS, { recursive: true })

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS })
  t.teardown(() => browser.close())
  const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } })
  const page = await visitor.newPage()
  const problems: string[] = []
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`) })
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`))

  await page.goto(people!)
  await page.waitForURL(`${base}/topics/${topic.id}/people`)
  await settled(page)
  t.equal(await page.locator('main h1').innerText(), demoTopic, 'the link opens the demo topic\'s page')
  t.match(await page.innerText('main'), 'Relays', 'the people page, with its rankings')
  t.match(await page.innerText('header'), 'Read-only view of one topic', 'read-only, without an account')
  t.equal(await page.getByRole('link', { name: 'Sources' }).count(), 0, 'the workspace\'s other pages are not offered')
  await page.screenshot({ path: join(SHOTS, 'digest-link-390.png'), fullPage: true })

  await page.goto(unsubscribe!)
  await page.click('text=Confirm unsubscribe')
  await page.waitForSelector('text=You are unsubscribed from this digest.')
  await page.screenshot({ path: join(SHOTS, 'unsubscribed-390.png'), fullPage: true })
  serve.kill('SIGTERM')
  await exited(serve)
  const after = await openDatabase({ dataDir: join(dataDir, 'demo'), command: 'digest-links test' })
  t.teardown(() => after.close())
  t.same((await createDigestService({ db: after.db }).get(topic.workspace_id, sub.id)).recipients, [], 'the address is off the digest')
  t.same(problems, [], 'no console error')
})
