// The web app on `relais demo`, in Chromium: (1) the topic page's load, from navigation to its
// content shown (top influencers listed, no "Loading…" left), against a baseline page of the same
// app that calls no topic route (the not-found page); (2) the map with 5,000 nodes and 50,000
// edges (the graph answer replaced by a synthetic one): time to its first drawn frame, and frame
// time while panning, against the same page's idle frame time.
// Run: npm run build && node --import tsx bench/web/demo-pages.ts [--runs 5]
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { machineLoad, median } from '../shared/measure.ts'
import { BROWSER_ARGS } from '../../test/helpers/browser.ts'
import { syntheticGraph } from './synthetic-graph.ts'

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5
const demo = spawn(process.execPath, ['--import=tsx', 'src/cli/entry.ts', 'demo', '--accounts', '2000'], {
  env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'relais-bench-')), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
})
// Stopped however the bench ends (a failed wait included), so no demo is left running.
process.on('exit', () => demo.kill('SIGTERM'))
let stdout = ''
demo.stdout.on('data', (d) => (stdout += d))
while (!/Ctrl-C stops the demo/.test(stdout)) {
  if (demo.exitCode !== null) throw new Error(`the demo stopped:\n${stdout}`)
  await new Promise((r) => setTimeout(r, 250))
}
const link = /^Web app: (\S+)$/m.exec(stdout)![1]
const base = new URL(link).origin
const key = /API key\s+(\S+)/.exec(stdout)![1]
const topicId = ((await (await fetch(`${base}/v1/topics`, { headers: { authorization: `Bearer ${key}` } })).json()) as { items: { id: string }[] }).items[0].id

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: BROWSER_ARGS })
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
await page.goto(link)
await page.waitForURL(`${base}/`)

const shown = (p: Page, selector: string) => p.waitForFunction((s) => document.querySelector(s) !== null && !document.body.innerText.includes('Loading…'), selector, { timeout: 60_000, polling: 'raf' })
async function timeLoad(path: string, selector: string): Promise<number> {
  const start = performance.now()
  await page.goto(`${base}${path}`)
  await shown(page, selector)
  return performance.now() - start
}
const baseline: number[] = []
const topic: number[] = []
for (let i = 0; i < runs; i++) {
  baseline.push(await timeLoad('/sources/no-such-page', 'main p'))
  topic.push(await timeLoad(`/topics/${topicId}`, '[data-testid="top-influencers"] li'))
}

// The map: a synthetic graph of the size in the issue, served instead of the topic's own.
const graph = JSON.stringify(syntheticGraph(5_000, 50_000))
await page.route('**/v1/topics/*/graph?format=json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: graph }))
const firstDraw: number[] = []
const idleFrames: number[] = []
const panFrames: number[] = []
for (let i = 0; i < runs; i++) {
  await page.goto(`${base}/sources/no-such-page`)
  await page.evaluate(() => performance.clearMarks())
  const navigated = await page.evaluate(() => performance.now())
  await page.evaluate((path) => { history.pushState(null, '', path); dispatchEvent(new PopStateEvent('popstate')) }, `/topics/${topicId}/map`)
  await page.waitForFunction(() => performance.getEntriesByName('relais:map-drawn').length > 0, undefined, { timeout: 120_000, polling: 100 })
  firstDraw.push(await page.evaluate((t0) => performance.getEntriesByName('relais:map-drawn')[0].startTime - t0, navigated))
  await page.waitForTimeout(4500) // the layout worker stops after 4 s
  idleFrames.push(...await frames(page, async () => page.waitForTimeout(1000)))
  const box = (await page.locator('[data-testid="map"]').boundingBox())!
  panFrames.push(...await frames(page, async () => {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    for (let s = 0; s < 60; s++) await page.mouse.move(box.x + box.width / 2 + 4 * s, box.y + box.height / 2 + 2 * s)
    await page.mouse.up()
  }))
}

/** Intervals between animation frames while `during` runs, in ms. */
async function frames(p: Page, during: () => Promise<unknown>): Promise<number[]> {
  // A string, not a function: the frame loop names a function, and tsx's transform would make
  // that name call a helper the page does not have.
  await p.evaluate(`(() => {
    window.__frames = []
    window.__on = true
    let last = performance.now()
    const tick = (now) => { window.__frames.push(now - last); last = now; if (window.__on) requestAnimationFrame(tick) }
    requestAnimationFrame(tick)
  })()`)
  await during()
  return p.evaluate(() => { const w = window as unknown as { __frames: number[]; __on: boolean }; w.__on = false; return w.__frames.slice(1) })
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]
const ms = (v: number) => `${v.toFixed(0)} ms`
console.log(`web app on relais demo (2,000 simulated accounts), Chromium headless, ${runs} runs, ${machineLoad()}`)
console.log(`topic page, navigation → content shown: median ${ms(median(topic))} · baseline (not-found page) ${ms(median(baseline))} · ratio ${(median(topic) / median(baseline)).toFixed(2)}`)
console.log(`map 5,000 nodes / 50,000 edges, navigation → first drawn frame: median ${ms(median(firstDraw))} (${firstDraw.map(ms).join(', ')})`)
console.log(`frame time panning: median ${median(panFrames).toFixed(1)} ms, p95 ${p95(panFrames).toFixed(1)} ms · idle frame on the same page: median ${median(idleFrames).toFixed(1)} ms · ratio ${(median(panFrames) / median(idleFrames)).toFixed(2)}`)
await browser.close()
demo.kill('SIGTERM')
