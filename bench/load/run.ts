// Load on the read routes at increasing connection counts, with the scheduler running and ingest
// in progress: per level, requests sent, throughput, p50/p99 latency, errors, and whether
// /healthz kept answering. The target: 200 connections held with zero errors and /healthz
// answering throughout (the exit code says whether it was met). Figures only, never a test.
//
//   node --import tsx bench/load/run.ts               # PostgreSQL on 127.0.0.1:5432 (fresh database)
//   node --import tsx bench/load/run.ts --embedded    # embedded PGlite in memory
import { createRequire } from 'node:module'
import { cpus } from 'node:os'
import { z } from 'zod'
import { parseLoadBenchArgs } from './args.ts'
import { startHealthProbe, type HealthTally } from './health-probe.ts'
import { startIngestDriver } from './ingest-driver.ts'
import { readRoutes } from './read-routes.ts'
import { startLoadService } from './service.ts'

const require = createRequire(import.meta.url)
const autocannon = require('autocannon') as (options: object) => Promise<unknown>

const resultSchema = z.object({
  requests: z.object({ total: z.number(), average: z.number() }),
  latency: z.object({ p50: z.number(), p99: z.number(), max: z.number() }),
  errors: z.number(),
  timeouts: z.number(),
  non2xx: z.number(),
  duration: z.number(),
})

interface Level { connections: number; result: z.infer<typeof resultSchema>; health: HealthTally }

const args = parseLoadBenchArgs(process.argv.slice(2))
console.log(`database: ${args.databaseUrl ? 'PostgreSQL (fresh database)' : 'embedded PGlite'} · ${cpus().length} CPUs · ${args.duration} s or ${args.maxRequests} requests per level · rate limit ${args.rateLimit}/min per key`)
const service = await startLoadService(args)
const ingest = startIngestDriver(service)
const levels: Level[] = []
try {
  const routes = await readRoutes(service)
  console.log(`${routes.paths.length} read routes under load${routes.leftOut.length ? `; left out (no 200 before the load): ${routes.leftOut.join(', ')}` : ''}`)
  for (const connections of args.connections) {
    const probe = startHealthProbe(service.url)
    // One worker thread sends the load, so it does not share the service's event loop.
    const raw = await autocannon({
      url: service.url, connections, duration: args.duration, maxOverallRequests: args.maxRequests, timeout: 10, workers: 1,
      headers: { authorization: `Bearer ${service.keys.read}` }, requests: routes.paths.map((path) => ({ method: 'GET', path })),
    })
    await probe.stop()
    levels.push({ connections, result: resultSchema.parse(raw), health: probe.tally })
    console.log(`  ${connections} connections done`)
  }
} finally {
  await ingest.stop()
  await service.close()
}

const pad = (value: string | number, width: number) => String(value).padStart(width)
console.log(`\n${pad('conns', 6)} ${pad('requests', 9)} ${pad('req/s', 8)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} ${pad('max ms', 7)} ${pad('errors', 7)} ${pad('of which', 8)} ${pad('non-2xx', 8)}  /healthz`)
for (const { connections, result: r, health: h } of levels) {
  console.log(`${pad(connections, 6)} ${pad(r.requests.total, 9)} ${pad(r.requests.average.toFixed(0), 8)} ${pad(r.latency.p50, 7)} ${pad(r.latency.p99, 7)} ${pad(r.latency.max, 7)} ${pad(r.errors, 7)} ${pad(`${r.timeouts} t/o`, 8)} ${pad(r.non2xx, 8)}  ${h.answered}/${h.asked} answered, slowest ${h.slowestMs.toFixed(0)} ms`)
}
console.log(`ingest during the load: ${ingest.tally.runs} collection runs (${ingest.tally.posts} posts), ${ingest.tally.scorings} scorings, ${ingest.tally.failed} failed runs`)
for (const error of ingest.tally.errors.slice(0, 3)) console.log(`  failed run: ${error}`)

const top = levels.find((l) => l.connections === 200) ?? levels.at(-1)
if (top) {
  // autocannon counts timeouts among its errors.
  const errors = top.result.errors + top.result.non2xx
  const held = errors === 0 && top.health.answered === top.health.asked
  console.log(`${top.connections} connections: ${held ? 'held' : 'NOT held'} (${errors} errors, /healthz ${top.health.answered}/${top.health.asked})`)
  process.exitCode = held ? 0 : 1
}
