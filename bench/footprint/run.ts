/**
 * Footprint benchmark: how much memory Relais holds at rest, measured from outside as a person
 * would see it (VmRSS of the `relais` process, 3 s after /readyz first answers 200, scheduler off,
 * empty workspace), and how long it takes to get there:
 *
 *   1. `relais serve`, embedded database, first start (the folder is created);
 *   2. `relais serve`, embedded database, next start (same folder);
 *   3. `relais serve` on PostgreSQL (a database of its own on the server, dropped at the end);
 *   4. `relais demo`: its peak (VmHWM) once its API answers;
 *
 * and beside them, in the same run, the floor: PGlite alone in a Node process (bare-pglite.mjs),
 * creating its folder, then opening it again. Runs bin/relais.js, i.e. the compiled build
 * (`npm run build` first). Never asserts anything; prints the median and range of `--runs`.
 *
 *   node --import tsx bench/footprint/run.ts [--runs 3] [--database-url postgres://…] [--accounts 2000]
 *     [--only embedded,postgres,demo,floor]   (default: all four groups)
 *     [--relais path/to/bin/relais.js]        (default: this checkout's; another checkout's to compare)
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { adminQuery, withDatabaseName } from '../../src/platform/db/admin-query.ts'
import { BENCH_SERVER_URL, exitWithHelpIf, positiveInteger } from '../shared/args.ts'
import { machineLoad, median, mib } from '../shared/measure.ts'
import { processMemory } from './process-memory.ts'
import { pause, startWatched } from './watched-process.ts'

const HELP = 'node --import tsx bench/footprint/run.ts [--runs 3] [--database-url postgres://…] [--accounts 2000] [--only embedded,postgres,demo,floor] [--relais bin/relais.js]'
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, 'database-url': { type: 'string', default: BENCH_SERVER_URL }, accounts: { type: 'string', default: '2000' }, only: { type: 'string', default: 'embedded,postgres,demo,floor' }, relais: { type: 'string' }, help: { type: 'boolean' } } })
exitWithHelpIf(values.help, HELP)
const runs = positiveInteger('runs', values.runs)
const serverUrl = values['database-url']
const only = new Set(values.only.split(','))
const RELAIS = values.relais ?? fileURLToPath(new URL('../../bin/relais.js', import.meta.url))
const BARE = fileURLToPath(new URL('./bare-pglite.mjs', import.meta.url))
const AT_REST_AFTER_MS = 3_000
const LISTENING = /listening on (http:\/\/\S+)/
const serveEnv = { SCHEDULER: 'off', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: undefined }

interface Figure { label: string; goal: string; bytes: number[]; readyMs: number[]; readyCpu: number[] }
const figures: Figure[] = [
  { label: 'serve, embedded, first start (folder created)', goal: '≤ 300 MiB', bytes: [], readyMs: [], readyCpu: [] },
  { label: 'serve, embedded, next start (same folder)', goal: '≤ 300 MiB', bytes: [], readyMs: [], readyCpu: [] },
  { label: 'serve, PostgreSQL', goal: '≤ 150 MiB', bytes: [], readyMs: [], readyCpu: [] },
  { label: 'demo, peak (VmHWM) once its API answers', goal: '≤ 700 MiB', bytes: [], readyMs: [], readyCpu: [] },
  { label: 'floor: bare PGlite creating its folder', goal: '', bytes: [], readyMs: [], readyCpu: [] },
  { label: 'floor: bare PGlite opening it again', goal: '', bytes: [], readyMs: [], readyCpu: [] },
]

/** RSS 3 s after the process is ready (or its peak when `peak`), and how long it took to be ready. */
async function measure(figure: Figure, args: string[], env: Record<string, string | undefined>, ready: RegExp, peak = false): Promise<void> {
  const watched = await startWatched({ command: process.execPath, args, env, ready, timeoutMs: 900_000 })
  try {
    if (!peak) await pause(AT_REST_AFTER_MS)
    const memory = processMemory(watched.pid)
    figure.bytes.push(peak ? memory.peak : memory.rss)
    figure.readyMs.push(watched.readyMs)
    figure.readyCpu.push(watched.readyCpu)
  } finally {
    await watched.stop()
  }
}

async function onPostgres(figure: Figure): Promise<void> {
  const name = `relais_bench_footprint_${randomBytes(4).toString('hex')}`
  await adminQuery(serverUrl, `create database ${name}`)
  try {
    await measure(figure, [RELAIS, 'serve'], { ...serveEnv, DATABASE_URL: withDatabaseName(serverUrl, name) }, LISTENING)
  } finally {
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`)
  }
}

console.log(`footprint: ${runs} run(s), ${machineLoad()}`)
for (let run = 1; run <= runs; run++) {
  const scratch = mkdtempSync(join(tmpdir(), 'relais-footprint-'))
  try {
    if (only.has('embedded')) {
      const dataDir = join(scratch, 'serve')
      await measure(figures[0], [RELAIS, 'serve'], { ...serveEnv, DATA_DIR: dataDir }, LISTENING)
      await measure(figures[1], [RELAIS, 'serve'], { ...serveEnv, DATA_DIR: dataDir }, LISTENING)
    }
    if (only.has('postgres')) await onPostgres(figures[2])
    if (only.has('demo')) await measure(figures[3], [RELAIS, 'demo', '--accounts', values.accounts], { ...serveEnv, DATA_DIR: join(scratch, 'demo') }, /API docs\s+(\S+)\/docs/, true)
    if (only.has('floor')) {
      const bareDir = join(scratch, 'bare')
      await measure(figures[4], [BARE, bareDir], {}, /ready/)
      await measure(figures[5], [BARE, bareDir], {}, /ready/)
    }
    console.log(`run ${run}: ${figures.map((f) => (f.bytes.length === run ? mib(f.bytes[run - 1]) : '–')).join(', ')}`)
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

const range = (values: number[], unit: (n: number) => string) =>
  values.length > 1 ? `${unit(median(values))} (${unit(Math.min(...values))}–${unit(Math.max(...values))})` : unit(values[0])
const ms = (n: number) => `${(n / 1000).toFixed(2)} s`
console.log(`\n${RELAIS}\n${'run'.padEnd(48)} ${'memory'.padEnd(26)} ${'goal'.padEnd(10)} ${'ready after (wall)'.padEnd(26)} CPU until ready`)
for (const figure of figures.filter((f) => f.bytes.length > 0)) console.log(`${figure.label.padEnd(48)} ${range(figure.bytes, mib).padEnd(26)} ${figure.goal.padEnd(10)} ${range(figure.readyMs, ms).padEnd(26)} ${range(figure.readyCpu, (n) => `${n.toFixed(2)} s`)}`)
console.log(`\nmemory: VmRSS ${AT_REST_AFTER_MS / 1000} s after /readyz answered 200 (demo: VmHWM once it answered); ready after: from spawn to that first 200 (bare PGlite: its first query); CPU: the process's threads and the children it waited for (folder creation). ${machineLoad()}`)
