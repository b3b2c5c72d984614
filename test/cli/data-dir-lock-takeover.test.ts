import t from 'tap'
import { readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../helpers/run-cli.ts'

// Locks left behind where a pid says nothing: a container restarted after a crash runs its new
// process as pid 1 again, like the one that died. These commands use the embedded database
// whatever DATABASE_URL says (it is unset for them), so they run in both suites.

const env = (dataDir: string) => ({ DATA_DIR: dataDir, DATABASE_URL: undefined, SCHEDULER: 'off' })

function leaveLock(dataDir: string, holder: Record<string, unknown>, ageMs = 0): void {
  const path = join(dataDir, 'relais.lock')
  writeFileSync(path, JSON.stringify({ command: 'relais serve', since: '2026-01-01T00:00:00.000Z', ...holder }))
  const at = new Date(Date.now() - ageMs)
  utimesSync(path, at, at)
}

const pid1StartTicks = (): number => {
  const stat = readFileSync('/proc/1/stat', 'utf8')
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19])
}

t.test('a lock left by a killed pid-1 process from another boot is taken over', async (t) => {
  const dataDir = t.testdir()
  leaveLock(dataDir, { pid: 1, host: hostname(), bootId: '00000000-0000-4000-8000-000000000000', startTicks: 5 })
  const run = await runCli(['workspace', 'create', 'W'], env(dataDir))
  t.equal(run.code, 0, run.stderr)
  t.match(run.stdout, /^[0-9a-f-]{36}\n$/, 'the workspace is created')
})

t.test('a lock left by a pid-1 process of a restarted container (same boot, pid since reused) is taken over', async (t) => {
  const dataDir = t.testdir()
  const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  leaveLock(dataDir, { pid: 1, host: hostname(), bootId, startTicks: pid1StartTicks() + 1000 })
  const run = await runCli(['workspace', 'create', 'W'], env(dataDir))
  t.equal(run.code, 0, run.stderr)
})

t.test('a lock from another host counts only while its holder keeps it fresh', async (t) => {
  const dataDir = t.testdir()
  leaveLock(dataDir, { pid: 1, host: 'a-container-since-removed', bootId: 'another-boot', startTicks: 5 }, 5_000)
  const refused = await runCli(['workspace', 'create', 'W'], env(dataDir))
  t.equal(refused.code, 1, 'a lock refreshed 5 s ago is respected')
  t.match(refused.stderr, /in use by another relais process \(pid 1, "relais serve", since 2026-01-01T00:00:00.000Z, host a-container-since-removed\)/)

  leaveLock(dataDir, { pid: 1, host: 'a-container-since-removed', bootId: 'another-boot', startTicks: 5 }, 10 * 60_000)
  const taken = await runCli(['workspace', 'create', 'W'], env(dataDir))
  t.equal(taken.code, 0, `a lock nobody refreshed for 10 minutes is taken over: ${taken.stderr}`)
})

t.test('a live holder on this host is still respected', async (t) => {
  const dataDir = t.testdir()
  const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8')
  const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19])
  const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  leaveLock(dataDir, { pid: process.pid, host: hostname(), bootId, startTicks }, 10 * 60_000)
  const refused = await runCli(['workspace', 'create', 'W'], env(dataDir))
  t.equal(refused.code, 1)
  t.match(refused.stderr, new RegExp(`in use by another relais process \\(pid ${process.pid}, "relais serve"`))
})
