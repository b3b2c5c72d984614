// A new person's first run, timed step by step, with no command but the README's: clone the
// repository at this HEAD into an empty folder, `npm install` (which also builds), `npm start` on a
// fresh data folder (the embedded database), read the one-time setup link it prints, open it in
// Chromium, create the first admin and workspace, create a topic, add a source. Nothing restarts
// in between. Figures only: it prints each step's time and the whole, and stops the service.
// Run: nice -n 5 node --import tsx bench/web/first-run.ts [--port 3917]
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { machineLoad } from '../shared/measure.ts'
import { BROWSER_ARGS, settled } from '../../test/helpers/browser.ts'

const port = Number(process.argv[process.argv.indexOf('--port') + 1]) || 3917
const SETUP_LINK_WAIT_MS = 120_000
const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
const folder = mkdtempSync(join(tmpdir(), 'relais-first-run-'))
const clone = join(folder, 'relais')
const steps: [string, number][] = []
const started = performance.now()
console.log(`first run of commit ${head.slice(0, 12)} in ${folder}, Node ${process.version}, ${machineLoad()} (at the start)`)

async function step<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now()
  const result = await run()
  const elapsed = performance.now() - t0
  steps.push([name, elapsed])
  console.log(`${name.padEnd(44)} ${(elapsed / 1000).toFixed(1).padStart(7)} s`)
  return result
}

/** Runs a command to its end in the clone, its output shown only if it fails. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: clone, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`))))
  })
}

let service: ChildProcess | undefined
try {
  await step('git clone (at HEAD)', () => {
    execFileSync('git', ['clone', '--quiet', '--no-checkout', process.cwd(), clone])
    execFileSync('git', ['-C', clone, 'checkout', '--quiet', head])
  })
  await step('npm install (installs and builds)', () => run('npm', ['install', '--no-audit', '--no-fund']))

  // `npm start` in its own process group, so stopping it stops the service under npm too.
  service = spawn('npm', ['start'], { cwd: clone, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '' } })
  let output = ''
  service.stdout!.on('data', (d) => (output += d))
  service.stderr!.on('data', (d) => (output += d))
  const setupLink = await step('npm start → setup link printed', async () => {
    const deadline = Date.now() + SETUP_LINK_WAIT_MS
    for (;;) {
      const link = /^(http\S+\/setup#\S+)$/m.exec(output)?.[1]
      if (link) return link
      if (service!.exitCode !== null || Date.now() > deadline) throw new Error(`no setup link printed:\n${output.slice(-4000)}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  })

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: BROWSER_ARGS })
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
    const base = new URL(setupLink).origin
    await step('open the setup link → form shown', async () => {
      await page.goto(setupLink)
      await page.getByRole('heading', { name: 'Set up Relais' }).waitFor()
    })
    await step('create the first admin and workspace', async () => {
      await page.getByLabel('Your workspace').fill('My team')
      await page.getByLabel('Name').fill('Ada Admin')
      await page.getByLabel('Email').fill('ada@example.org')
      await page.getByLabel('Password').fill('a long enough password')
      await page.getByRole('button', { name: 'Create' }).click()
      await page.waitForURL(`${base}/`)
      await page.getByRole('link', { name: 'New topic' }).waitFor()
    })
    await step('create a topic', async () => {
      await page.getByRole('link', { name: 'New topic' }).click()
      await page.getByLabel('Name').fill('Vélo en ville')
      await page.getByLabel('Query').fill('vélo OR #velotaf lang:fr')
      await page.getByRole('button', { name: 'Create' }).click()
      await page.waitForURL(/\/topics\/[^/]+$/)
      await settled(page)
      await page.getByRole('heading', { name: 'Vélo en ville' }).waitFor()
    })
    await step('add a source', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sources' }).click()
      const form = page.getByRole('form', { name: 'Add a source' })
      await form.getByLabel('Name').fill('Mastodon (mastodon.social)')
      await form.getByLabel('Base URL').fill('https://mastodon.social')
      await form.getByRole('button', { name: 'Add a source' }).click()
      await page.getByRole('cell', { name: 'Mastodon (mastodon.social)' }).waitFor()
    })
  } finally {
    await browser.close()
  }
  const total = performance.now() - started
  console.log(`${'whole first run'.padEnd(44)} ${(total / 1000).toFixed(1).padStart(7)} s`)
  console.log(`commit ${head.slice(0, 12)}, Node ${process.version}, ${machineLoad()} (at the end)`)
} finally {
  if (service?.pid && service.exitCode === null) {
    const exited = new Promise((r) => service!.once('exit', r))
    process.kill(-service.pid, 'SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))])
  }
  rmSync(folder, { recursive: true, force: true })
}
