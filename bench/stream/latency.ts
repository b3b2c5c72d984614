// From an event's arrival at the reader to its presence in the mention API: a local Jetstream
// publishes posts at a steady rate (each at its time_us, on loopback: its arrival at the reader
// within a few milliseconds), the reader stores those on a topic, and clients of the live
// mention stream (GET /v1/topics/{id}/mentions/stream) of the first topics note when each
// mention arrives. Prints the p50/p95/p99 of arrival → API, and the mentions missed (none expected).
// Embedded database in memory unless DATABASE_URL is set.
// Run: node --import tsx bench/stream/latency.ts [--rate 500] [--seconds 30] [--topics 200] [--watched 20]
import type { AddressInfo } from 'node:net'
import { openDatabase } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrator.ts'
import { createApiKey, createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { startStreamWorker } from '../../src/pipeline/stream/stream-worker.ts'
import { systemResolver } from '../../src/pipeline/networks/http/resolve-target.ts'
import { buildApp } from '../../src/api/app.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { startFakeJetstream } from '../../test/fakes/jetstream/server.ts'
import type { JetstreamEvent } from '../../test/fakes/jetstream/event-log.ts'
import { openEventStream } from '../../test/helpers/event-stream.ts'
import { machineLoad } from '../shared/measure.ts'
import { syntheticPosts, syntheticTopics } from './synthetic.ts'

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback
}
const rate = Number(option('rate', '500'))
const seconds = Number(option('seconds', '30'))
const topicCount = Number(option('topics', '200'))
const watchedCount = Number(option('watched', '20'))

const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: ':memory:', command: 'bench', poolSize: 10 })
await migrateToLatest(database.db)
const { id: workspaceId } = await createWorkspace(database.db, 'Bench')
const topics = syntheticTopics(topicCount)
const topicIds: string[] = []
for (let i = 0; i < topics.length; i += 500) {
  const rows = await database.db.insertInto('topics').values(topics.slice(i, i + 500).map((topic) => ({ workspace_id: workspaceId, name: topic.id, query: topic.query, networks: topic.networks, languages: topic.languages }))).returning('id').execute()
  topicIds.push(...rows.map((row) => row.id))
}
const key = (await createApiKey(database.db, workspaceId, ['read'])).key
const app = await buildApp({ db: database.db, metrics: createMetrics(), bodyLimit: 1 << 20, rateLimitPerMinute: 100_000, webApp: false, liveMentions: { maxStreamsPerKey: watchedCount } })
await app.listen({ port: 0, host: '127.0.0.1' })
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

// Published from 3 s from now, at `rate` per second.
const count = rate * seconds
const startUs = Date.now() * 1000 + 3e6
const intervalUs = Math.round(1e6 / rate)
const events: JetstreamEvent[] = syntheticPosts(count, topicCount).map((post, i) => ({
  did: 'did:plc:bench', time_us: startUs + i * intervalUs, kind: 'commit',
  commit: { rev: `r${i}`, operation: 'create', collection: 'app.bsky.feed.post', rkey: `k${i}`, cid: `c${i}`, record: { $type: 'app.bsky.feed.post', text: post.text, langs: ['en'], createdAt: new Date(startUs / 1000).toISOString() } },
}))
const fake = await startFakeJetstream({ events })
await database.db.insertInto('sources').values({ workspace_id: workspaceId, name: 'live', network: 'bluesky', settings: { streaming: 'on', jetstreamUrl: fake.url } }).execute()

const arrivals = new Map<string, number>()
const watched = topicIds.slice(0, watchedCount)
const clients = await Promise.all(watched.map((id) => openEventStream(`${base}/v1/topics/${id}/mentions/stream`, { authorization: `Bearer ${key}` })))
await Promise.all(clients.map((client) => client.until(() => client.comments.includes('connected'), 30_000, 'the stream to be live')))
for (const client of clients) {
  let seen = 0
  // Each client's events are noted as they come (checked on every chunk by `until`).
  void client.until(() => {
    for (; seen < client.events.length; seen++) {
      const mention = JSON.parse(client.events[seen].data) as { url: string }
      const rkey = mention.url.split('/').at(-1)!
      if (!arrivals.has(rkey)) arrivals.set(rkey, Date.now())
    }
    return false
  }, 3_600_000, 'never').catch(() => {})
}

console.log(machineLoad())
const worker = startStreamWorker({ db: database.db, policy: { allowPrivate: true, allowHttpSources: true, resolver: systemResolver }, log: { info() {}, warn(o, m) { console.error(m, o) } } })
// Until the log is over and a few seconds more.
await new Promise((resolve) => setTimeout(resolve, (startUs / 1000 - Date.now()) + seconds * 1000 + 5000))

// Which posts are on the watched topics: the stored matches, read once the log is over.
const expected = await database.db.selectFrom('topic_posts').innerJoin('posts', 'posts.id', 'topic_posts.post_id')
  .select(['posts.external_id']).where('topic_posts.topic_id', 'in', watched).distinct().execute()
const latencies: number[] = []
let missed = 0
for (const { external_id } of expected) {
  const rkey = external_id.split('/').at(-1)!
  const arrived = arrivals.get(rkey)
  if (arrived === undefined) { missed++; continue }
  latencies.push(arrived - (startUs + Number(rkey.slice(1)) * intervalUs) / 1000)
}
latencies.sort((a, b) => a - b)
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]
console.log(`${count.toLocaleString('en')} post events at ${rate}/s over ${seconds} s, ${topicCount} topics, ${watchedCount} watched live, ${database.kind} database`)
console.log(`  ${latencies.length} mentions of the watched topics received, ${missed} missed`)
console.log(`  arrival → mention API: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${latencies.at(-1)} ms`)
console.log(machineLoad())
for (const client of clients) client.close()
await worker.stop()
await app.close()
await fake.close()
await database.close()
process.exit(0)
