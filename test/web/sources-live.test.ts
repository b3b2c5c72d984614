// The sources page, in Chromium: each streaming source says in words whether it is live, how far
// behind it is and its last error; an admin turns the live reading off (the API then says so), in
// English and in French, and a refusal by the API (a member no longer admin) is shown.
import t from 'tap'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { DEFAULT_WEB_ROOT } from '../../src/api/plugins/web-app.ts'
import { CHROMIUM_PATH } from '../../tools/digest-screenshot/render-in-chromium.ts'
import { demoSignInLink } from '../../src/tenancy/people/first-run.ts'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { BROWSER_ARGS, seriousViolations, settled } from '../helpers/browser.ts'

const skip = !existsSync(CHROMIUM_PATH) ? `Chromium is not installed at ${CHROMIUM_PATH}` : !existsSync(join(DEFAULT_WEB_ROOT, 'index.html')) ? 'the web app is not built (npm run build)' : false
const SHOTS = join(process.cwd(), 'screenshots', 'web')

interface SourceBody { id: string; settings: Record<string, string>; streaming: { enabled: boolean; reading: boolean } | null }

t.test('the sources page shows each source\'s live collection, and an admin turns it off', { skip }, async (t) => {
  const ctx = await buildTestApp(t)
  const { db } = ctx.database
  const create = async (payload: object) => {
    const created = await ctx.app.inject({ method: 'POST', url: '/v1/sources', headers: bearer(ctx.mine.admin), payload })
    if (created.statusCode !== 201) throw new Error(`source not created: ${created.body}`)
    return created.json() as SourceBody
  }
  const live = await create({ name: 'Bluesky live', network: 'bluesky', settings: { streaming: 'on' } })
  await create({ name: 'Reddit vélo', network: 'reddit', credentials: { clientId: 'id', clientSecret: 'secret' } })
  // As a reader leaves it: held by a process, its last stored event 1.5 s ago, and the error it met
  // on the previous instance two minutes ago.
  const errorAt = new Date(Date.now() - 120_000)
  await db.insertInto('stream_leases').values({
    source_id: live.id, workspace_id: ctx.mine.id, holder: 'elsewhere:1', expires_at: new Date(Date.now() + 3_600_000),
    cursor_us: (Date.now() - 1500) * 1000, last_error: 'The live stream at jetstream1.example could not be read: connection refused', last_error_at: errorAt,
  }).execute()
  const apiSource = async () => (await ctx.app.inject({ url: `/v1/sources/${live.id}`, headers: bearer(ctx.mine.read) })).json() as SourceBody

  await ctx.app.listen({ host: '127.0.0.1', port: 0 })
  const address = ctx.app.server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  mkdirSync(SHOTS, { recursive: true })

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: BROWSER_ARGS })
  t.teardown(() => browser.close())
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })).newPage()
  const problems: string[] = []
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 403/.test(m.text())) problems.push(m.text()) })
  page.on('pageerror', (e) => problems.push(e.message))
  await page.goto(await demoSignInLink(db, ctx.mine.id, base))
  await page.waitForURL(`${base}/`)
  await page.goto(`${base}/sources`)
  await settled(page)

  const row = (name: string) => page.locator('tr', { hasText: name })
  const shown = await row('Bluesky live').innerText()
  t.match(shown, 'Live, being read', 'the source is said to be live')
  t.match(shown, /\b\d+(\.\d)? s behind\b/, 'with its lag in seconds')
  t.match(shown, /Last error \(.+\): The live stream at jetstream1\.example could not be read: connection refused/, 'and its last error, with its time')
  t.match(await row('Reddit vélo').innerText(), 'No live stream on this network', 'a network without a stream says so')
  t.same(await seriousViolations(page), [], 'no serious or critical accessibility violation')
  await page.screenshot({ path: join(SHOTS, 'sources-live-1280.png'), fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  t.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1), 'the table reflows on a phone: nothing wider than the screen')
  await page.screenshot({ path: join(SHOTS, 'sources-live-390.png'), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })

  await page.click('button[aria-label="Turn live reading off: Bluesky live"]')
  const confirmation = await page.locator('[role="status"]').innerText()
  t.match(confirmation, 'Bluesky live: live reading is off.', 'the page confirms the result')
  const after = await apiSource()
  t.equal(after.streaming?.enabled, false, 'the API then says enabled false')
  t.equal(after.settings.streaming, 'off')
  await page.waitForSelector('button[aria-label="Turn live reading on: Bluesky live"]')
  const off = await row('Bluesky live').innerText()
  t.match(off, 'Live reading off', 'the row says it is off')
  t.match(off, /last event \d+ (seconds?|minutes?) ago/, 'and when its last event was')

  await t.test('in French, and a refusal by the API shown', async (t) => {
    await page.evaluate(() => localStorage.setItem('relais.lang', 'fr'))
    await page.reload()
    await settled(page)
    const french = await row('Bluesky live').innerText()
    t.match(french, 'Lecture en direct désactivée')
    t.match(french, /dernier événement il y a \d+ (secondes?|minutes?)/)
    t.match(french, /Dernière erreur \(.+\): The live stream at jetstream1\.example/)
    t.match(await row('Reddit vélo').innerText(), 'Pas de flux en direct sur ce réseau')

    // The person is no longer an admin of the workspace, while the page still offers the switch.
    await db.updateTable('memberships').set({ role: 'editor' }).where('workspace_id', '=', ctx.mine.id).execute()
    await page.click('button[aria-label="Activer la lecture en direct: Bluesky live"]')
    const refusal = await page.locator('[role="alert"]').innerText()
    t.match(refusal, 'Bluesky live: la lecture en direct n’a pas été modifiée.', 'the page says nothing changed')
    t.match(refusal, 'Seul un administrateur de l’espace de travail peut activer ou désactiver la lecture en direct.', 'and why, in words')
    t.match(refusal, /403: This action needs the "admin" scope; your role \(editor\)/, 'with the API\'s answer')
    t.equal((await apiSource()).streaming?.enabled, false, 'the API still says enabled false')
    await page.screenshot({ path: join(SHOTS, 'sources-live-refused-fr-1280.png'), fullPage: true })
  })

  t.same(problems, [], 'no console error (besides the refused request)')
})
