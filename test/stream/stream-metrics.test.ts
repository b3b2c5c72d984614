// The live readers' Prometheus metrics, read from /metrics as a scraper would: the text parses
// under the exposition format's rules, and per source it says how many events were stored, how
// many connections were opened again, the gap recorded, the frames waiting and the lag.
import t from 'tap'
import { openTestDatabase } from '../helpers/database.ts'
import { parsePrometheusText, type Sample } from '../helpers/prometheus-text.ts'
import { generateEventLog } from '../fakes/jetstream/event-log.ts'
import { startFakeJetstream } from '../fakes/jetstream/server.ts'
import { buildApp } from '../../src/api/app.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { createPrometheusStreamMetrics } from '../../src/pipeline/stream/prometheus-stream-metrics.ts'
import { startStreamWorker } from '../../src/pipeline/stream/stream-worker.ts'
import { LOCAL_POLICY, TOPIC_WORD, lastPostEventUs, silentLog, storedCursor, streamingWorkspace, waitFor } from './fixtures/stream-setup.ts'

const TOKEN = 'a-metrics-token-for-this-test'
const of = (samples: Sample[], name: string, sourceId: string) => samples.filter((s) => s.name === name && s.labels.source_id === sourceId).map((s) => s.value)

t.test('/metrics: per source events, reconnects, gaps, queue and lag, in the text format', async (t) => {
  const database = await openTestDatabase(t)
  const db = database.db
  // 1,000 events over 10 s, all published (the instance's clock stands at the end); it keeps the last 5 s: a gap.
  const startUs = Date.now() * 1000 - 10_000_000
  const log = generateEventLog({ count: 1000, startUs, intervalUs: 10_000, topicWord: TOPIC_WORD, seed: 9 })
  const nowUs = startUs + 1000 * 10_000
  const fake = await startFakeJetstream({ events: log.events, replayWindowUs: 5_000_000, dropAfter: 150, nowUs: () => nowUs })
  t.teardown(() => fake.close())
  const { workspaceId, sourceId } = await streamingWorkspace(db, fake.url)
  await db.insertInto('stream_leases').values({ source_id: sourceId, workspace_id: workspaceId, holder: 'elsewhere:1', expires_at: new Date(Date.now() - 1000), cursor_us: startUs - 3600e6 }).execute()

  const metrics = createMetrics()
  const scrapeNowMs = Date.now() + 60_000
  const worker = startStreamWorker({ db, policy: LOCAL_POLICY, log: silentLog, options: { flushMs: 40, leaseMs: 20_000, reconnectMs: 20, rewindUs: 50_000 }, metrics: createPrometheusStreamMetrics(metrics.registry, () => scrapeNowMs) })
  t.teardown(() => worker.stop())
  const lastUs = lastPostEventUs(log.events)
  await waitFor(async () => ((await storedCursor(db, sourceId)) ?? 0) >= lastUs, 30_000, 'the last event to be stored')
  await worker.stop()

  const app = await buildApp({ db, metrics, bodyLimit: 1 << 20, rateLimitPerMinute: 1000, metricsToken: TOKEN, webApp: false })
  t.teardown(() => app.close())
  t.equal((await app.inject({ url: '/metrics' })).statusCode, 401, 'without the operator token: 401')
  const response = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /^text\/plain; version=0\.0\.4/)
  const exposition = parsePrometheusText(response.body)
  t.same(['relais_stream_events_total', 'relais_stream_reconnects_total', 'relais_stream_gaps_total', 'relais_stream_queue_frames', 'relais_stream_lag_seconds'].map((name) => exposition.types.get(name)),
    ['counter', 'counter', 'counter', 'gauge', 'gauge'], 'each metric is typed')

  const counts = worker.metrics.counts()
  const [events] = of(exposition.samples, 'relais_stream_events_total', sourceId)
  // At least every event the instance kept (the reader asked from before them all), at most what it sent.
  const kept = log.events.filter((e) => e.time_us >= nowUs - 5_000_000 && (e.kind !== 'commit' || e.commit.collection === 'app.bsky.feed.post')).length
  t.ok(kept > 200 && events >= kept && events <= fake.sent, `${events} events stored: at least the ${kept} the instance kept, at most the ${fake.sent} it sent (replays after a drop included)`)
  t.equal(events, counts.events, 'the same count the command prints')
  t.same(of(exposition.samples, 'relais_stream_reconnects_total', sourceId), [fake.connections - 1], `${fake.connections} connections: each dropped by the instance after 150 events was opened again`)
  t.same(of(exposition.samples, 'relais_stream_gaps_total', sourceId), [1], 'one gap: the stored cursor was older than the instance keeps')
  t.same(of(exposition.samples, 'relais_stream_queue_frames', sourceId), [0], 'nothing waits once stopped')
  const cursorUs = (await storedCursor(db, sourceId))!
  t.same(of(exposition.samples, 'relais_stream_lag_seconds', sourceId), [(scrapeNowMs * 1000 - cursorUs) / 1e6], 'lag: the scrape time minus the last stored event')
})
