/**
 * API benchmark: GET /v1/topics/{id}/influencers?limit=50 on a topic of 100,000 scored accounts,
 * against a bare Fastify route returning a body of the same size, in the same run, with autocannon.
 * Targets: ≥ 40 % of the bare route's requests per second, p99 < 25 ms at 50 connections, no
 * errors. Prints figures; asserts nothing. See README.md.
 */
import { createWriteStream } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { sql } from 'kysely'
import { buildApp } from '../../src/api/app.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { parseApiBenchArgs } from './args.ts'
import { startBareServer } from './bare-server.ts'
import { openBenchDatabase } from './bench-database.ts'
import { cpuShares, sampleCpu } from './cpu.ts'
import { explainRequest } from './explain.ts'
import { runLoad, type LoadResult } from './load.ts'
import { startProfile, summariseProfile } from './profile.ts'
import { seedRankedTopic } from './seed-ranked-topic.ts'

const WARMUP_SECONDS = 3

const args = parseApiBenchArgs(process.argv.slice(2))
const database = await openBenchDatabase(args.databaseUrl, args.pool)
const closers: (() => Promise<unknown>)[] = [() => database.dispose()]
try {
  console.log(`Relais API benchmark — node ${process.version}, ${cpus().length} cores, ${database.kind} database (${database.location})`)
  console.log(`load: autocannon ${args.inProcess ? 'in the server process' : 'in a child process'}, ${args.connections} connections, ${args.duration} s per target after a ${WARMUP_SECONDS} s warm-up`)
  const seedStart = performance.now()
  const topic = await seedRankedTopic(database.db, args.accounts)
  console.log(`seeded ${args.accounts} accounts × 2 score snapshots in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`)

  const app = await buildApp({
    db: database.db, metrics: createMetrics(), bodyLimit: 1024 * 1024, rateLimitPerMinute: 1_000_000_000,
    ...(args.logLevel && { log: { level: args.logLevel, stream: createWriteStream('/dev/null') } }),
  })
  closers.unshift(() => app.close())
  const appUrl = await app.listen({ host: '127.0.0.1', port: 0 })
  const path = `/v1/topics/${topic.topicId}/influencers?limit=${args.limit}`
  const headers = { authorization: `Bearer ${topic.readKey}` }
  const probe = await fetch(appUrl + path, { headers })
  const text = await probe.text()
  const page = JSON.parse(text) as { items: unknown[] }
  if (probe.status !== 200 || page.items.length !== args.limit) throw new Error(`the real route answered ${probe.status} with ${page.items?.length} items`)
  console.log(`GET ${path.replace(topic.topicId, '{id}')}: ${text.length} bytes, ${page.items.length} items${args.logLevel ? `, log level ${args.logLevel}` : ', no logger'}`)

  const bare = await startBareServer(page)
  closers.unshift(() => bare.app.close())
  const backendPids = async () => (await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(database.db)).rows.map((r) => r.pid)

  const measure = async (label: string, url: string, profileTo: string | null = null) => {
    await runLoad({ url, headers, connections: args.connections, duration: WARMUP_SECONDS, inProcess: args.inProcess })
    const pids = database.kind === 'postgres' ? await backendPids() : []
    const load = loadavg()[0]
    const before = sampleCpu(pids)
    const stopProfile = profileTo ? await startProfile() : null
    const result = await runLoad({ url, headers, connections: args.connections, duration: args.duration, inProcess: args.inProcess })
    const profile = await stopProfile?.()
    const shares = cpuShares(before, sampleCpu(pids))
    printResult(label, result)
    const perRequest = (cores: number) => ((cores * 1000) / result.requests.average).toFixed(3)
    console.log(`${''.padEnd(24)}cores busy: server ${shares.serverCores.toFixed(2)}, ${database.kind === 'postgres' ? `postgres ${shares.backendCores.toFixed(2)}, ` : ''}` +
      `machine ${shares.machineCores.toFixed(2)} of ${shares.cores} (load average before: ${load.toFixed(1)})`)
    const databaseCost = database.kind === 'postgres' ? `postgres ${perRequest(shares.backendCores)} ms` : 'the embedded database runs in the server process'
    console.log(`${''.padEnd(24)}cpu per request: server${args.inProcess ? ' (with the load generator)' : ''} ${perRequest(shares.serverCores)} ms, ${databaseCost}`)
    if (profile && profileTo) summariseProfile(profile, profileTo)
    return result
  }
  console.log('')
  const baseline = await measure('bare Fastify route', bare.url + path)
  let bytesBaseline: LoadResult | null = null
  if (args.bytesBaseline) {
    const bareBytes = await startBareServer(page, { bytes: true })
    closers.unshift(() => bareBytes.app.close())
    bytesBaseline = await measure('bare route, bytes', bareBytes.url + path)
  }
  const real = await measure('real route', appUrl + path, args.profile)
  const ratio = real.requests.average / baseline.requests.average
  const errors = real.errors + real.timeouts + real.non2xx
  console.log('')
  console.log(`real ÷ bare requests/s: ${(ratio * 100).toFixed(1)} % (target ≥ 40 %) ${ratio >= 0.4 ? 'met' : 'MISSED'}`)
  if (bytesBaseline) console.log(`real ÷ bare route sending bytes, requests/s: ${((real.requests.average / bytesBaseline.requests.average) * 100).toFixed(1)} % (for reference)`)
  console.log(`real p99: ${real.latency.p99} ms (target < 25 ms) ${real.latency.p99 < 25 ? 'met' : 'MISSED'}`)
  console.log(`real errors + timeouts + non-2xx: ${errors} (target 0) ${errors === 0 ? 'met' : 'MISSED'}`)
  if (args.explain) await explainRequest(database.db, topic)
} finally {
  for (const close of closers) await close()
}

function printResult(label: string, r: LoadResult) {
  console.log(`${label.padEnd(24)}${r.requests.average.toFixed(0).padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  max ${r.latency.max} ms  ` +
    `${(r.throughput.average / 1e6).toFixed(1)} MB/s  errors ${r.errors}  timeouts ${r.timeouts}  non-2xx ${r.non2xx}  (${r.requests.total} requests)`)
}
