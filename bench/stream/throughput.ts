// End to end: a local Jetstream sends a log of posts as fast as the reader takes them; the reader
// matches them against many topics and stores those on a topic. Measures events stored per second
// of wall time and of this process's CPU, and the peak RSS. Embedded database in memory unless
// DATABASE_URL is set.
// Run: node --import tsx bench/stream/throughput.ts [--events 20000] [--topics 1000]
import { cpuUsage, memoryUsage } from 'node:process'
import { openDatabase } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrator.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { startStreamWorker } from '../../src/pipeline/stream/stream-worker.ts'
import { systemResolver } from '../../src/pipeline/networks/http/resolve-target.ts'
import { startFakeJetstream } from '../../test/fakes/jetstream/server.ts'
import type { JetstreamEvent } from '../../test/fakes/jetstream/event-log.ts'
import { machineLoad, mib } from '../shared/measure.ts'
import { syntheticPosts, syntheticTopics } from './synthetic.ts'

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback
}
const eventCount = Number(option('events', '20000'))
const topicCount = Number(option('topics', '1000'))

const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: ':memory:', command: 'bench' })
await migrateToLatest(database.db)
const { id: workspaceId } = await createWorkspace(database.db, 'Bench')
const topics = syntheticTopics(topicCount)
for (let i = 0; i < topics.length; i += 500) {
  await database.db.insertInto('topics').values(topics.slice(i, i + 500).map((topic) => ({ workspace_id: workspaceId, name: topic.id, query: topic.query, networks: topic.networks, languages: topic.languages }))).execute()
}
// Every event already published: the reader is the bottleneck.
const startUs = Date.now() * 1000 - 60e6
const events: JetstreamEvent[] = syntheticPosts(eventCount, topicCount).map((post, i) => ({
  did: 'did:plc:bench', time_us: startUs + i * 100, kind: 'commit',
  commit: { rev: `r${i}`, operation: 'create', collection: 'app.bsky.feed.post', rkey: `k${i}`, cid: `c${i}`, record: { $type: 'app.bsky.feed.post', text: post.text, langs: ['en'], createdAt: new Date(startUs / 1000).toISOString() } },
}))
const fake = await startFakeJetstream({ events })
const source = await database.db.insertInto('sources').values({ workspace_id: workspaceId, name: 'live', network: 'bluesky', settings: { streaming: 'on', jetstreamUrl: fake.url } }).returning('id').executeTakeFirstOrThrow()
await database.db.insertInto('stream_leases').values({ source_id: source.id, workspace_id: workspaceId, holder: 'nobody', expires_at: new Date(0), cursor_us: startUs }).execute()

console.log(machineLoad())
const cpuBefore = cpuUsage()
const started = Date.now()
let peakRss = 0
const worker = startStreamWorker({ db: database.db, policy: { allowPrivate: true, allowHttpSources: true, resolver: systemResolver }, log: { info() {}, warn(o, m) { console.error(m, o) } } })
const lastUs = events[events.length - 1].time_us
for (;;) {
  peakRss = Math.max(peakRss, memoryUsage.rss())
  const row = await database.db.selectFrom('stream_leases').select('cursor_us').where('source_id', '=', source.id).executeTakeFirst()
  if ((row?.cursor_us ?? 0) >= lastUs) break
  await new Promise((resolve) => setTimeout(resolve, 100))
}
const seconds = (Date.now() - started) / 1000
const cpu = cpuUsage(cpuBefore)
await worker.stop()
const stored = await database.db.selectFrom('posts').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()
console.log(`${eventCount.toLocaleString('en')} post events, ${topicCount.toLocaleString('en')} topics, ${database.kind} database: ${Number(stored.n)} posts on a topic stored`)
console.log(`  ${Math.round(eventCount / seconds).toLocaleString('en')} events/s wall (${seconds.toFixed(1)} s), ${Math.round(eventCount / ((cpu.user + cpu.system) / 1e6)).toLocaleString('en')} events per CPU-second of this process (database included when embedded)`)
console.log(`  peak RSS ${mib(peakRss)}`)
console.log(machineLoad())
await fake.close()
await database.close()
