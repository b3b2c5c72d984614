import t from 'tap'
import { once } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { runCli, startCli } from '../helpers/run-cli.ts'

// A second `relais demo` on the same DATA_DIR while the first runs must refuse and delete nothing.
// The demo always uses its own embedded database (DATABASE_URL is unset for it), so this runs in
// both suites.

async function waitForDemo(demo: ChildProcess): Promise<{ stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' }
  demo.stdout!.on('data', (d) => (out.stdout += d))
  demo.stderr!.on('data', (d) => (out.stderr += d))
  const deadline = Date.now() + 280_000
  while (!/Ctrl-C stops the demo/.test(out.stdout)) {
    if (demo.exitCode !== null || Date.now() > deadline) throw new Error(`the demo did not come up:\n${out.stderr}\n${out.stdout}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return out
}

async function influencers(url: string, key: string): Promise<unknown> {
  const res = await fetch(`${url}?limit=20`, { headers: { authorization: `Bearer ${key}` } })
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`)
  const body = (await res.json()) as { items: unknown[] }
  return body.items
}

t.test('a second relais demo refuses while the first runs, and the first loses nothing', async (t) => {
  const dataDir = t.testdir()
  const env = { DATA_DIR: dataDir, DATABASE_URL: undefined, PORT: '0' }
  const first = startCli(['demo', '--accounts', '100'], env)
  t.teardown(() => { first.kill('SIGKILL') })
  const { stdout } = await waitForDemo(first)
  const key = /API key\s+(\S+)/.exec(stdout)![1]
  const [url] = [...stdout.matchAll(/topic\s+.+?: (\S+\/influencers)/g)].map((m) => m[1])
  const before = await influencers(url, key)
  t.ok((before as unknown[]).length > 0, 'the first demo ranks influencers')
  const lockPath = join(dataDir, 'demo', 'relais.lock')
  const lockBefore = readFileSync(lockPath, 'utf8')

  const second = await runCli(['demo', '--accounts', '100'], { ...env, PORT: '0' })
  t.equal(second.code, 1, 'the second demo stops')
  t.match(second.stderr, new RegExp(`in use by another relais process \\(pid ${first.pid}, "relais demo"`), 'naming the running demo')

  t.equal(readFileSync(lockPath, 'utf8'), lockBefore, 'the lock still names the first demo')
  t.ok(existsSync(join(dataDir, 'demo', 'pgdata', 'PG_VERSION')), 'the first demo\'s database files are still there')
  t.same(await influencers(url, key), before, 'the first demo answers as before')

  first.kill('SIGTERM')
  const [code] = await once(first, 'exit')
  t.equal(code, 0, 'the first demo stops cleanly')
})
