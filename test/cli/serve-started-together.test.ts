import t from 'tap'
import { once } from 'node:events'
import { writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { startCli } from '../helpers/run-cli.ts'

// Several `relais serve` started at the same moment on one embedded data folder: exactly one may
// open it. Run with a stale lock in place too, so each of them also tries to take it over.
// The embedded database is used whatever DATABASE_URL says (unset here), so this runs in both suites.

interface Outcome { child: ChildProcess; stderr: string; listening: boolean; code: number | null }

async function startTogether(dataDir: string, count: number): Promise<Outcome[]> {
  const env = { DATA_DIR: dataDir, DATABASE_URL: undefined, PORT: '0', SCHEDULER: 'off' }
  const outcomes = Array.from({ length: count }, () => ({ child: startCli(['serve'], env), stderr: '', listening: false, code: null as number | null }))
  for (const o of outcomes) {
    o.child.stderr!.on('data', (d) => { o.stderr += d; if (/listening on/.test(o.stderr)) o.listening = true })
    o.child.on('exit', (code) => { o.code = code })
  }
  const deadline = Date.now() + 120_000
  // Settled: every process either listens or has exited.
  while (outcomes.some((o) => !o.listening && o.code === null) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
  await new Promise((r) => setTimeout(r, 500))
  return outcomes
}

async function stopAll(outcomes: Outcome[]): Promise<void> {
  for (const o of outcomes) {
    if (o.code !== null) continue
    o.child.kill('SIGTERM')
    await once(o.child, 'exit')
  }
}

for (const stale of [false, true]) {
  t.test(`three relais serve started together${stale ? ' over a dead process\'s lock' : ''}: exactly one runs`, async (t) => {
    const dataDir = t.testdir()
    if (stale) writeFileSync(join(dataDir, 'relais.lock'), JSON.stringify({ pid: 1, host: hostname(), bootId: 'an-earlier-boot', command: 'relais serve', since: '2026-01-01T00:00:00.000Z' }))
    const outcomes = await startTogether(dataDir, 3)
    t.teardown(() => stopAll(outcomes))
    const running = outcomes.filter((o) => o.listening && o.code === null)
    t.equal(running.length, 1, `one serves: ${outcomes.map((o) => `${o.code} ${o.stderr}`).join('\n---\n')}`)
    const refused = outcomes.filter((o) => o.code === 1)
    t.equal(refused.length, 2, 'the others stop with exit code 1')
    for (const o of refused) t.match(o.stderr, new RegExp(`in use by another relais process \\(pid ${running[0]?.child.pid}, "relais serve"`), 'naming the one that runs')
  })
}
