import t from 'tap'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { DEFAULT_WEB_ROOT } from '../../src/api/plugins/web-app.ts'
import { BROWSER_ARGS, inkedPixels, seriousViolations, settled } from '../helpers/browser.ts'
import { startCli } from '../helpers/run-cli.ts'

const CHROMIUM = '/usr/bin/chromium'
const skip = process.env.DATABASE_URL ? 'the demo runs on its own embedded database (runs in the suite without DATABASE_URL)'
  : !existsSync(CHROMIUM) ? `Chromium is not installed at ${CHROMIUM}` : !existsSync(join(DEFAULT_WEB_ROOT, 'index.html')) ? 'the web app is not built (npm run build)' : false
const SHOTS = join(process.cwd(), 'screenshots', 'web')

/**
 * What a 390 px screen cuts: the page wider than the screen, or a box whose content is wider than
 * itself with no way for a keyboard to scroll it (a scrolling region must be focusable and named).
 */
function clippedAt390(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = []
    if (document.documentElement.scrollWidth > innerWidth + 1) cut.push(`the page is ${document.documentElement.scrollWidth} px wide`)
    for (const e of document.querySelectorAll<HTMLElement>('main *')) {
      if (e.tagName === 'CANVAS' || e.closest('[data-testid="map"]') || (e.clientWidth <= 1 && e.clientHeight <= 1)) continue // visually hidden: read, not shown
      const overflow = getComputedStyle(e).overflowX
      if (overflow === 'visible' || e.scrollWidth <= e.clientWidth + 1) continue
      const scrollable = (overflow === 'auto' || overflow === 'scroll') && e.tabIndex >= 0 && !!(e.getAttribute('aria-label') || e.getAttribute('aria-labelledby'))
      if (!scrollable) cut.push(`${e.tagName.toLowerCase()}.${e.className} ${e.getAttribute('aria-label') ?? ''}: ${e.scrollWidth} px of content in ${e.clientWidth} px`)
    }
    return cut
  })
}

t.test('the web app on `relais demo`: signed in through the printed link, every page, the map, a topic and a key made in the app', { skip }, async (t) => {
  const demo = startCli(['demo', '--accounts', '300'], { DATA_DIR: t.testdir(), DATABASE_URL: undefined, PORT: '0', HOST: '127.0.0.1', PUBLIC_URL: undefined, SMTP_URL: undefined })
  t.teardown(() => { demo.kill('SIGKILL') })
  let stdout = ''
  let stderr = ''
  demo.stdout!.on('data', (d) => (stdout += d))
  demo.stderr!.on('data', (d) => (stderr += d))
  const deadline = Date.now() + 280_000
  while (!/Warning: PUBLIC_URL/.test(stderr)) {
    if (demo.exitCode !== null || Date.now() > deadline) return t.fail(`the demo did not come up:\n${stderr}\n${stdout}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  t.match(stderr, /Warning: SMTP_URL is not set, so weekly digests are not sent/, 'the demo says digests are not sent without SMTP_URL')
  t.match(stderr, /Warning: PUBLIC_URL is not set, so links in digest emails, invitations and the setup link point at http:\/\/127\.0\.0\.1:\d+/, 'and where links point without PUBLIC_URL')
  const link = /^Web app: (\S+)$/m.exec(stdout)![1]
  const base = new URL(link).origin
  const key = /API key\s+(\S+)/.exec(stdout)![1]
  const apiGet = async (path: string) => (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${key}` } })).json()
  const topicId = (await apiGet('/v1/topics')).items[0].id as string
  const top = (await apiGet(`/v1/topics/${topicId}/influencers?limit=1`)).items[0]
  mkdirSync(SHOTS, { recursive: true })

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS })
  t.teardown(() => browser.close())
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  const problems: string[] = []
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`) })
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`))

  await page.goto(link)
  await page.waitForURL(`${base}/`)
  await settled(page)
  t.match(await page.innerText('header'), 'Sign out', 'signed in through the printed link')

  const pages: [string, string, RegExp][] = [
    ['topics', '/topics', /New topic/],
    ['topic', `/topics/${topicId}`, /Volume over time/],
    ['people', `/topics/${topicId}/people`, /Relays/],
    ['mentions', `/topics/${topicId}/mentions`, /Open the original/],
    ['inbox', `/topics/${topicId}/inbox`, /Inbox/],
    ['alerts', `/topics/${topicId}/alerts`, /How spikes are detected/],
    ['account', `/accounts/${top.account.id}?topic=${topicId}`, /Components/],
    ['topic-edit', `/topics/${topicId}/edit`, /What each network will be asked/],
    ['sources', '/sources', /What each network gives/],
    ['digests', '/digests', /New digest/],
    ['webhooks', '/webhooks', /Add a webhook/],
    ['keys', '/keys', /Create a key/],
    ['members', '/members', /Invite someone/],
    ['jobs', '/jobs', /collect-mentions/],
    ['map', `/topics/${topicId}/map`, /Export GEXF/],
  ]
  for (const [name, path, expected] of pages) {
    const before = problems.length
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${base}${path}`)
    await settled(page)
    if (name === 'topic-edit') await page.waitForSelector('[data-testid="query-check"]')
    t.match(await page.innerText('main'), expected, `${name}: renders the demo's data`)
    t.same(problems.slice(before), [], `${name}: no console error`)
    t.same(await seriousViolations(page), [], `${name}: no serious or critical accessibility violation`)
    await page.screenshot({ path: join(SHOTS, `demo-${name}-1280.png`), fullPage: true })
    // As a phone opens it: the page loaded at 390 px (charts take their width when drawn).
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await settled(page)
    t.same(await clippedAt390(page), [], `${name}: nothing cut off or wider than the screen at 390 px`)
    await page.screenshot({ path: join(SHOTS, `demo-${name}-390.png`), fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 900 })

  // The person chooses French; the choice holds across a reload, and the topic page speaks it.
  await page.goto(`${base}/topics/${topicId}`)
  await settled(page)
  await page.selectOption('header select', 'fr')
  t.match(await page.innerText('main'), /Volume dans le temps/, 'French chosen: the topic page is in French')
  await page.reload()
  await settled(page)
  t.match(await page.innerText('header'), /Sujets[\s\S]*Se déconnecter/, 'and stays French after a reload')
  t.equal(await page.getAttribute('html', 'lang'), 'fr', 'the document says it is French')
  t.same(await seriousViolations(page), [], 'in French too, no serious or critical accessibility violation')
  await page.screenshot({ path: join(SHOTS, 'demo-topic-fr-1280.png'), fullPage: true })
  await page.selectOption('header select', 'en')
  t.match(await page.innerText('header'), /Topics/, 'English chosen again')

  await page.goto(`${base}/topics/${topicId}`)
  await settled(page)
  t.equal(await page.locator('[data-testid="top-influencers"] li a').first().innerText(), top.account.displayName || top.account.handle, 'the topic page names the API\'s top influencer')

  await page.goto(`${base}/topics/${topicId}/map`)
  await settled(page)
  await page.waitForTimeout(4500) // the layout settles, then stops
  const map = page.locator('[data-testid="map"]')
  const inked = await inkedPixels(page, await map.screenshot())
  t.ok(inked > 2000, `the map is drawn (${inked} inked pixels)`)
  const option = await page.locator('#map-accounts option').evaluateAll((os, l) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith(l)), `${top.account.displayName || top.account.handle} (`)
  await page.fill('input[list="map-accounts"]', option!)
  await page.locator('input[list="map-accounts"]').dispatchEvent('change')
  await page.waitForTimeout(800)
  const box = (await map.boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await page.waitForURL(/\/accounts\//, { timeout: 5000 })
  t.match(page.url(), `/accounts/${top.account.id}`, 'clicking the node opens its account')

  // A topic made in the app, its query checked as it is typed.
  await page.goto(`${base}/topics/new`)
  await page.fill('input[name="name"]', 'Fleuristes')
  await page.fill('textarea[name="query"]', '#fleuriste OR (')
  await page.waitForSelector('[data-testid="query-check"] .error')
  t.match(await page.innerText('[data-testid="query-check"]'), /\(/, 'a mistake is shown while typing')
  await page.fill('textarea[name="query"]', '#fleuriste OR "fête des fleurs"')
  await page.waitForSelector('text=#fleuriste timeline')
  await page.click('form button[type="submit"]')
  await page.waitForURL(/\/topics\/[0-9a-f-]{36}$/)
  t.ok((await apiGet('/v1/topics')).items.some((x: { name: string }) => x.name === 'Fleuristes'), 'the API lists the topic made in the app')

  await page.goto(`${base}/keys`)
  await settled(page)
  await page.fill('input[name="name"]', 'CRM sync')
  await page.click('form[aria-label="Create a key"] button[type="submit"]')
  const created = await page.locator('[data-testid="new-key"]').innerText()
  t.equal((await fetch(`${base}/v1/topics`, { headers: { authorization: `Bearer ${created}` } })).status, 200, 'the key shown works')
  // Another key of the list may already read "revoked": wait for this key's revocation itself.
  const revoked = page.waitForResponse((response) => response.request().method() === 'DELETE' && /\/v1\/keys\//.test(response.url()))
  await page.click('button[aria-label="Revoke CRM sync"]')
  t.equal((await revoked).status(), 204, 'the app revokes the key')
  await page.waitForSelector('button[aria-label="Revoke CRM sync"]', { state: 'detached' })
  t.equal((await fetch(`${base}/v1/topics`, { headers: { authorization: `Bearer ${created}` } })).status, 401, 'the revoked key is refused')

  t.same(problems, [], 'no console error anywhere')
})
