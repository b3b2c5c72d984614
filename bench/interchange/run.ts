/**
 * NDJSON interchange benchmark: generates a seeded file (20% accounts, 70% posts, 10% follows),
 * reads and parses it without a database (the baseline: what the file format alone costs), imports
 * it into a fresh database through the real ingest path, then exports it and checks the export is
 * the same bytes. Prints lines/s and the peak RSS sampled during each phase; never asserts on time.
 *
 *   node --import tsx bench/interchange/run.ts [--lines 1000000] [--seed 1] [--batch-size 1000]
 *     [--database-url postgres://…]   (default: embedded database in a temporary folder)
 */
import { createHash, randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import { openDatabase, type Database } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrator.ts'
import { exportRecords, formatRecord, importRecords, parseLine } from '../../src/pipeline/interchange/index.ts'
import { readLines } from '../../src/pipeline/interchange/line-reader.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { syntheticRecords } from './synthetic-file.ts'
import { adminQuery, withDatabaseName } from '../../src/platform/db/admin-query.ts'
import { mib } from '../shared/measure.ts'

const { values } = parseArgs({ options: { lines: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '1' }, 'batch-size': { type: 'string', default: '1000' }, 'database-url': { type: 'string' } } })
const total = Number(values.lines)
const size = { accounts: Math.round(total * 0.2), posts: Math.round(total * 0.7), follows: 0, seed: Number(values.seed) }
size.follows = total - size.accounts - size.posts
const scratch = mkdtempSync(join(tmpdir(), 'relais-interchange-'))
const rate = (count: number, ms: number) => `${Math.round((count * 1000) / ms).toLocaleString('en-US')} lines/s`

/**
 * Peak RSS (and JS heap) over a phase, sampled every 100 ms, plus RSS at each tenth of the work to
 * show it stays flat. With the embedded database, RSS includes its WebAssembly heap.
 */
async function measured<T>(label: string, work: (tick: (share: number) => void) => Promise<T>): Promise<{ result: T; ms: number }> {
  let peak = process.memoryUsage.rss()
  let peakHeap = 0
  const tenths: string[] = []
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
  }, 100)
  const started = performance.now()
  const cpuStart = process.cpuUsage()
  const tick = (share: number) => {
    while (tenths.length < Math.floor(share * 10)) tenths.push(mib(process.memoryUsage.rss()))
  }
  try {
    const result = await work(tick)
    const ms = performance.now() - started
    const cpu = process.cpuUsage(cpuStart)
    console.log(`${label}: ${(ms / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU of this process, peak RSS ${mib(peak)} (JS heap ${mib(peakHeap)})${tenths.length ? `; RSS at each tenth: ${tenths.join(' ')}` : ''}`)
    return { result, ms }
  } finally {
    clearInterval(timer)
  }
}

async function write(out: Writable, text: string) {
  if (!out.write(text)) await once(out, 'drain')
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk)
  return hash.digest('hex')
}

async function freshDatabase(): Promise<{ database: Database; dispose(): Promise<void> }> {
  const serverUrl = values['database-url']
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: join(scratch, 'data'), command: 'bench' })
    return { database, dispose: () => database.close() }
  }
  const name = `relais_bench_${randomBytes(4).toString('hex')}`
  await adminQuery(serverUrl, `create database ${name}`)
  const database = await openDatabase({ url: withDatabaseName(serverUrl, name), dataDir: scratch, command: 'bench' })
  return { database, dispose: async () => { await database.close(); await adminQuery(serverUrl, `drop database if exists ${name} with (force)`) } }
}

const inputPath = join(scratch, 'in.ndjson')
const outputPath = join(scratch, 'out.ndjson')
console.log(`Relais interchange benchmark — node ${process.version}, ${total.toLocaleString('en-US')} lines (${size.accounts} accounts, ${size.posts} posts, ${size.follows} follows), seed ${size.seed}, ${values['database-url'] ? 'PostgreSQL server' : 'embedded database'}`)
const { database, dispose } = await freshDatabase()
try {
  await measured('generate', async () => {
    const out = createWriteStream(inputPath)
    for (const record of syntheticRecords(size)) await write(out, `${formatRecord(record)}\n`)
    out.end()
    await once(out, 'finish')
  })
  console.log(`file: ${mib(statSync(inputPath).size)}`)

  const parsed = await measured('baseline: read + parse, no database', async () => {
    let ok = 0
    for await (const line of readLines(createReadStream(inputPath, { highWaterMark: 256 * 1024 }))) if ('text' in line && parseLine(line.text).ok) ok++
    return ok
  })
  console.log(`  ${rate(parsed.result, parsed.ms)}`)

  await migrateToLatest(database.db)
  const { id: workspaceId } = await createWorkspace(database.db, 'Bench')
  await database.db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Vélo', query: '#velo OR #ebike OR vélo' }).execute()
  const imported = await measured(`import (batches of ${values['batch-size']})`, (tick) => importRecords(database.db, workspaceId, createReadStream(inputPath, { highWaterMark: 256 * 1024 }), {
    batchSize: Number(values['batch-size']),
    onProgress: (s) => tick(s.lines / total),
    onBadLine: (bad) => console.log(`  line ${bad.line}: ${bad.reason}`),
  }))
  const s = imported.result
  console.log(`  ${rate(s.lines, imported.ms)} (${(parsed.ms / imported.ms * 100).toFixed(1)}% of the parse-only rate); ${s.accounts} accounts, ${s.posts} posts, ${s.follows} follows, ${s.skipped} skipped`)

  const exported = await measured('export', async (tick) => {
    const out = createWriteStream(outputPath)
    const stats = await exportRecords(database.db, workspaceId, out, { onProgress: (e) => tick((e.accounts + e.posts + e.follows) / total) })
    out.end()
    await once(out, 'finish')
    return stats
  })
  const e = exported.result
  console.log(`  ${rate(e.accounts + e.posts + e.follows, exported.ms)}; ${e.accounts} accounts, ${e.posts} posts, ${e.follows} follows`)
  console.log(`round trip: export ${(await sha256(inputPath)) === (await sha256(outputPath)) ? 'is byte-identical to' : 'DIFFERS from'} the imported file`)
} finally {
  await dispose()
  rmSync(scratch, { recursive: true, force: true })
}
