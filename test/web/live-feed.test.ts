// The mention feed in the web app, live: a mention stored after the page loaded appears without a
// reload (at once for someone at the top; behind a "new mentions" bar for someone reading further
// down, whose view does not move); a filter pauses live updates; after a dropped stream the browser
// reconnects with Last-Event-ID, and when more was stored meanwhile than the stream replays, the page
// offers to reload the feed. Driven in Chromium against the built app, signed in by session cookie.
import t from 'tap'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import type { Kysely } from 'kysely'
import { buildApp } from '../../src/api/app.ts'
import { DEFAULT_WEB_ROOT } from '../../src/api/plugins/web-app.ts'
import type { DB } from '../../src/platform/db/schema.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { ingestBatch } from '../../src/pipeline/ingest/ingest-batch.ts'
import { topicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import type { NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { demoSignInLink } from '../../src/tenancy/people/first-run.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { CHROMIUM_PATH } from '../../tools/digest-screenshot/render-in-chromium.ts'
import { fileDatabase } from '../helpers/app.ts'
import { BROWSER_ARGS, seriousViolations } from '../helpers/browser.ts'

const skip = !existsSync(CHROMIUM_PATH) ? `Chromium is not installed at ${CHROMIUM_PATH}` : !existsSync(join(DEFAULT_WEB_ROOT, 'index.html')) ? 'the web app is not built (npm run build)' : false

const SHOTS = join(process.cwd(), 'screenshots', 'web')

const author = { network: 'mastodon', externalId: 'lea@piaille.example', handle: 'lea@piaille.example', displayName: 'Léa', bio: null, url: null, followersCount: 12, followingCount: 3, postsCount: 40 }
const post = (key: string, text: string, createdAt = new Date()): NormalizedPost => ({
  network: 'mastodon', externalId: `https://piaille.example/${key}`, authorExternalId: author.externalId, createdAt, text, lang: 'fr', url: `https://piaille.example/@lea/${key}`,
  replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
  likes: 1, reposts: 0, replies: 0, quotes: 0, hashtags: [], mentions: [], links: [],
})

t.test('the mention feed shows new mentions live', { skip }, async (t) => {
  const { db } = await fileDatabase()
  const { id: workspaceId } = await createWorkspace(db, 'Live')
  const topic = await db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Vélo', query: 'vélo' }).returning(['id', 'query', 'networks', 'languages']).executeTakeFirstOrThrow()
  const store = async (posts: NormalizedPost[]) => {
    await (db as Kysely<DB>).transaction().execute((trx) => ingestBatch(trx, workspaceId, { posts, accounts: [author] }, [topicMatcher(topic)]))
  }
  // Enough earlier mentions for the page to scroll.
  const hourAgo = Date.now() - 3_600_000
  await store(Array.from({ length: 40 }, (_, i) => post(`old-${i}`, `Mon vélo, épisode ${i}`, new Date(hourAgo - i * 60_000))))

  // Streams end after 4 s here (30 minutes by default), and replay at most 2 mentions, so that a
  // drop and an overflow happen within the test.
  const app = await buildApp({ db, metrics: createMetrics(), bodyLimit: 1 << 20, rateLimitPerMinute: 10_000, liveMentions: { intervalMs: 100, maxDurationMs: 4000, replayMax: 2 } })
  t.teardown(() => app.close())
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: BROWSER_ARGS })
  t.teardown(() => browser.close())
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 700 } })).newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  const resumed: string[] = []
  page.on('request', (request) => {
    if (!request.url().endsWith('/mentions/stream')) return
    void request.allHeaders().then((headers) => { if (headers['last-event-id']) resumed.push(headers['last-event-id']) })
  })

  await page.goto(await demoSignInLink(db, workspaceId, base))
  await page.waitForURL(`${base}/`)
  await page.goto(`${base}/topics/${topic.id}/mentions`)
  await page.getByText('Live: new mentions appear here as they are collected.').waitFor()
  await page.locator('li.mention').first().waitFor()
  await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true })
  const texts = () => page.locator('li.mention p:nth-child(2)').allInnerTexts()
  const notReloaded = () => page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true)
  t.equal((await texts()).length, 30, 'the first page of the feed')

  await t.test('at the top of the list, a new mention appears first, marked new, and is announced', async (t) => {
    await store([post('live-1', 'Vélo en direct, un'), post('off-topic', 'Rien à voir')])
    await page.locator('li.mention.fresh', { hasText: 'Vélo en direct, un' }).waitFor()
    t.equal((await texts())[0], 'Vélo en direct, un', 'on top of the list')
    t.notOk((await texts()).includes('Rien à voir'), 'a post off the topic is not shown')
    t.match(await page.locator('li.mention').first().innerText(), /new/, 'marked new')
    t.match(await page.getByTestId('live-bar').innerText(), '1 new mention shown at the top', 'said in the polite status region')
    t.equal(await page.getByTestId('live-bar').getAttribute('role'), 'status')
    t.ok(await notReloaded(), 'without a reload')
  })

  await t.test('further down, new mentions wait behind a bar and the view does not move; "Show" inserts them', async (t) => {
    await page.locator('li.mention').nth(20).scrollIntoViewIfNeeded()
    await page.evaluate(() => window.scrollBy(0, 200))
    const reading = () => page.evaluate(() => document.elementFromPoint(640, 400)?.closest('li')?.querySelector('p:nth-child(2)')?.textContent ?? null)
    const before = await reading()
    t.ok(before, 'a mention is under the reader’s eyes')
    await store([post('live-2', 'Vélo en direct, deux')])
    await store([post('live-3', 'Vélo en direct, trois')])
    await page.getByText('2 new mentions').waitFor()
    mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: join(SHOTS, 'mentions-live-bar-1280.png') })
    t.same(await seriousViolations(page), [], 'the bar adds no serious or critical accessibility violation')
    t.equal(await reading(), before, 'the mention being read has not moved')
    t.equal((await texts())[0], 'Vélo en direct, un', 'not inserted yet')
    await page.getByRole('button', { name: 'Show' }).click()
    await page.locator('li.mention.fresh', { hasText: 'Vélo en direct, trois' }).waitFor()
    t.same((await texts()).slice(0, 3), ['Vélo en direct, trois', 'Vélo en direct, deux', 'Vélo en direct, un'], 'inserted on top, newest first')
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Vélo en direct, trois'))
    t.pass('the focus is on the newest')
    t.ok(await notReloaded(), 'without a reload')
  })

  await t.test('a filter pauses live updates; without it the feed is live again and complete', async (t) => {
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.fill('input[name="q"]', 'épisode')
    await page.click('form[aria-label="Filters"] button[type="submit"]')
    await page.getByText('Live updates paused while filtered.').waitFor()
    await store([post('live-4', 'Vélo en direct, quatre')])
    await page.fill('input[name="q"]', '')
    await page.click('form[aria-label="Filters"] button[type="submit"]')
    await page.getByText('Live: new mentions appear here as they are collected.').waitFor()
    await page.locator('li.mention', { hasText: 'Vélo en direct, quatre' }).waitFor()
    t.pass('the mention stored while filtered is in the feed')
  })

  await t.test('after a drop the browser reconnects with Last-Event-ID; too much missed: the page offers to reload the feed', async (t) => {
    await store([post('live-5', 'Vélo en direct, cinq')])
    await page.locator('li.mention', { hasText: 'Vélo en direct, cinq' }).waitFor()
    await page.getByText('Connection lost: reconnecting…').waitFor({ timeout: 15_000 })
    await store([post('gap-1', 'Vélo pendant la coupure, un'), post('gap-2', 'Vélo pendant la coupure, deux'), post('gap-3', 'Vélo pendant la coupure, trois')])
    await page.getByText('More mentions arrived than can be shown live.').waitFor({ timeout: 15_000 })
    t.ok(resumed.length > 0, `the reconnection carried Last-Event-ID (${resumed.at(-1)})`)
    await page.getByRole('button', { name: 'Reload the feed' }).click()
    await page.locator('li.mention', { hasText: 'Vélo pendant la coupure, trois' }).waitFor()
    const shown = await texts()
    for (const text of ['Vélo pendant la coupure, un', 'Vélo pendant la coupure, deux', 'Vélo pendant la coupure, trois', 'Vélo en direct, cinq']) t.equal(shown.filter((x) => x === text).length, 1, `"${text}" shown once`)
    t.ok(await notReloaded(), 'the feed was read again, the page not reloaded')
  })

  t.same(problems, [], 'no page error')
})
