import t from 'tap'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { buildApp } from '../../src/api/app.ts'
import { createJobs } from '../../jobs/index.ts'
import { DEFAULT_WEB_ROOT } from '../../src/api/plugins/web-app.ts'
import { CHROMIUM_PATH } from '../../tools/digest-screenshot/render-in-chromium.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { demoSignInLink } from '../../src/tenancy/people/first-run.ts'
import { createLink } from '../../src/tenancy/people/links.ts'
import { createApiKey } from '../../src/tenancy/workspaces/service.ts'
import { fileDatabase } from '../helpers/app.ts'
import { collectedTopic, digestSandbox } from '../digest/fixtures/sandbox-topic.ts'
import { BROWSER_ARGS, inkedPixels, seriousViolations, settled } from '../helpers/browser.ts'

const skip = !existsSync(CHROMIUM_PATH) ? `Chromium is not installed at ${CHROMIUM_PATH}` : !existsSync(join(DEFAULT_WEB_ROOT, 'index.html')) ? 'the web app is not built (npm run build)' : false
const SHOTS = join(process.cwd(), 'screenshots', 'web')

t.test('the web app, driven in Chromium on a collected and scored topic', { skip }, async (t) => {
  const { db } = await fileDatabase()
  const now = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000)
  const { workspaceId, topicId } = await collectedTopic(db, digestSandbox(now), [new Date(now.getTime() - 7 * 86_400_000), now])
  const app = await buildApp({ db, metrics: createMetrics(), bodyLimit: 1 << 20, rateLimitPerMinute: 10_000, jobs: [...createJobs().values()] })
  t.teardown(() => app.close())
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const key = (await createApiKey(db, workspaceId, ['read'])).key
  const apiGet = async (path: string) => (await app.inject({ url: path, headers: { authorization: `Bearer ${key}` } })).json()
  mkdirSync(SHOTS, { recursive: true })

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: BROWSER_ARGS })
  t.teardown(() => browser.close())
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`) })
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`))

  // Sign in through the link the demo prints.
  await page.goto(await demoSignInLink(db, workspaceId, base))
  await page.waitForURL(`${base}/`)
  await settled(page)
  t.match(await page.innerText('main'), 'Vélo en ville', 'signed in: the topics list shows the topic')

  const top = (await apiGet(`/v1/topics/${topicId}/influencers?limit=1`)).items[0]
  const pages: [string, string, RegExp][] = [
    ['topics', '/topics', /Vélo en ville/],
    ['topic', `/topics/${topicId}`, /Volume over time/],
    ['people', `/topics/${topicId}/people`, /Relays/],
    ['mentions', `/topics/${topicId}/mentions`, /Open the original/],
    ['inbox', `/topics/${topicId}/inbox`, /Inbox/],
    ['account', `/accounts/${top.account.id}?topic=${topicId}`, /Components/],
    ['sources', '/sources', /Sources/],
    ['digests', '/digests', /Digests/],
    ['keys', '/keys', /Create a key/],
    ['jobs', '/jobs', /collect-mentions/],
    ['map', `/topics/${topicId}/map`, /Export GEXF/],
  ]
  for (const [name, path, expected] of pages) {
    const before = problems.length
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${base}${path}`)
    await settled(page)
    t.match(await page.innerText('main'), expected, `${name}: renders its content`)
    t.same(problems.slice(before), [], `${name}: no console error`)
    t.same(await seriousViolations(page), [], `${name}: no serious or critical accessibility violation`)
    await page.screenshot({ path: join(SHOTS, `${name}-1280.png`), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: join(SHOTS, `${name}-390.png`), fullPage: true })
  }

  await t.test('the topic page names the same top influencer as the API', async (t) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${base}/topics/${topicId}`)
    await settled(page)
    const first = await page.locator('[data-testid="top-influencers"] li a').first().innerText()
    t.equal(first, top.account.displayName || top.account.handle)
  })

  await t.test('the map draws its nodes, and clicking one opens its account', async (t) => {
    await page.goto(`${base}/topics/${topicId}/map`)
    await settled(page)
    await page.waitForTimeout(4500) // the layout settles, then stops
    const map = page.locator('[data-testid="map"]')
    const inked = await inkedPixels(page, await map.screenshot())
    t.ok(inked > 2000, `the canvas is not blank (${inked} inked pixels)`)
    const label = `${top.account.displayName || top.account.handle} (`
    const option = await page.locator('#map-accounts option').evaluateAll((os, l) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith(l)), label)
    await page.fill('input[list="map-accounts"]', option!)
    await page.locator('input[list="map-accounts"]').dispatchEvent('change')
    await page.waitForTimeout(800)
    const box = (await map.boundingBox())!
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await page.waitForURL(/\/accounts\//, { timeout: 5000 })
    t.match(page.url(), `/accounts/${top.account.id}`)
  })

  await t.test('a topic is created, and a key created and revoked, through the app', async (t) => {
    await page.goto(`${base}/topics/new`)
    await page.fill('input[name="name"]', 'Fleuristes')
    await page.fill('textarea[name="query"]', '#fleuriste OR "fête des fleurs"')
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/topics\/[0-9a-f-]{36}$/)
    await settled(page)
    t.match(await page.innerText('h1'), 'Fleuristes')
    t.ok((await apiGet('/v1/topics')).items.some((x: { name: string }) => x.name === 'Fleuristes'), 'the API lists it')

    await page.goto(`${base}/keys`)
    await settled(page)
    await page.fill('input[name="name"]', 'CRM sync')
    await page.click('form[aria-label="Create a key"] button[type="submit"]')
    const created = await page.locator('[data-testid="new-key"]').innerText()
    const auth = { authorization: `Bearer ${created}` }
    t.equal((await app.inject({ url: '/v1/topics', headers: auth })).statusCode, 200, 'the key shown works')
    await page.click('button[aria-label="Revoke CRM sync"]')
    await page.waitForSelector('text=revoked')
    t.equal((await app.inject({ url: '/v1/topics', headers: auth })).statusCode, 401, 'the revoked key is refused')
  })

  await t.test('a read-only link opens the topic for someone without an account', async (t) => {
    const link = await createLink(db, { purpose: 'share', workspaceId, topicId })
    const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } })
    t.teardown(() => visitor.close())
    const p: Page = await visitor.newPage()
    await p.goto(`${base}/open#${link.token}`)
    await p.waitForURL(`${base}/topics/${topicId}`)
    await settled(p)
    t.match(await p.innerText('main'), 'Volume over time')
    t.match(await p.innerText('header'), 'Read-only view of one topic')
    const other = await p.evaluate(async () => (await fetch('/v1/topics')).status)
    t.equal(other, 403, 'nothing else of the workspace')
    await p.screenshot({ path: join(SHOTS, 'read-only-390.png'), fullPage: true })
  })

  t.same(problems, [], 'no console error anywhere')
  t.comment(`screenshots in ${SHOTS}`)
})
