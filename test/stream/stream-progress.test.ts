// What `relais stream` prints while it runs: per source, events/s, what it stored, the lag behind
// the last committed event, the queue, reconnections and gaps — checked against a stream whose
// events are planted minutes in the past, resumed from a cursor the instance no longer keeps.
import t from 'tap'
import { once } from 'node:events'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { formatLag, progressLines } from '../../src/pipeline/stream/stream-progress.ts'
import { createStreamMetrics } from '../../src/pipeline/stream/stream-metrics.ts'
import { startCli } from '../helpers/run-cli.ts'
import { childDatabaseTemplate } from '../reliability/fixtures/child-database.ts'
import { generateEventLog } from '../fakes/jetstream/event-log.ts'
import { startFakeJetstream } from '../fakes/jetstream/server.ts'
import { TOPIC_WORD } from './fixtures/stream-setup.ts'

/** "lag 3 min 20 s" → 200 (seconds, as printed). */
function printedLagSeconds(line: string): number | null {
  const match = /lag (?:(\d+) h )?(?:(\d+) min )?(\d+(?:\.\d)?) ?(s|min)?/.exec(line)
  if (!match) return null
  const [, h, m, last, unit] = match
  return Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + (unit === 'min' ? Number(last) * 60 : Number(last))
}

t.test('the lag reads in seconds, minutes or hours', async (t) => {
  t.equal(formatLag(4.25), '4.3 s')
  t.equal(formatLag(200.9), '3 min 20 s')
  t.equal(formatLag(3 * 3600 + 12 * 60 + 5), '3 h 12 min')
  t.equal(formatLag(-1), '0.0 s', 'an event stamped ahead of this clock is no lag')
})

t.test('a source not stored yet, and events/s over the time since the last report', async (t) => {
  const metrics = createStreamMetrics()
  metrics.queued('b', 7)
  const before = metrics.counts()
  metrics.batchStored('a', 50, 1_000_000_000_000)
  metrics.reconnected('a')
  const lines = progressLines(['b', 'a'], metrics.counts(), before, 10_000, 1_000_120_000)
  t.same(lines, [
    'source a: 5.0 events/s (50 stored), lag 2 min 0 s, queue 0, 1 reconnect, 0 gaps',
    'source b: 0.0 events/s (0 stored), no event stored yet, queue 7, 0 reconnects, 0 gaps',
  ])
  t.match(progressLines([], metrics.counts(), null, 1000, 0)[0], /no streaming source is read by this process/)
})

t.test('relais stream prints, per source, what it stored, its lag, queue, reconnects and gaps', async (t) => {
  // 400 events, the last one 200 s ago: all sent at once from the cursor.
  const nowUs = Date.now() * 1000
  const log = generateEventLog({ count: 400, startUs: nowUs - 200e6 - 399 * 1000, intervalUs: 1000, topicWord: TOPIC_WORD, seed: 3 })
  const lastUs = log.events[log.events.length - 1].time_us
  const fake = await startFakeJetstream({ events: log.events })
  t.teardown(() => fake.close())
  let sourceId = ''
  const fresh = await childDatabaseTemplate(t, async (database) => {
    const { id: workspaceId } = await createWorkspace(database.db, 'Progress')
    const source = await database.db.insertInto('sources').values({ workspace_id: workspaceId, name: 'live', network: 'bluesky', settings: { streaming: 'on', jetstreamUrl: fake.url } }).returning('id').executeTakeFirstOrThrow()
    await database.db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Rust', query: TOPIC_WORD }).execute()
    // Read before, up to two minutes before the log's first event, which is all the instance still keeps: one gap.
    await database.db.insertInto('stream_leases').values({ source_id: source.id, workspace_id: workspaceId, holder: 'earlier#0', expires_at: new Date(0), cursor_us: log.events[0].time_us - 120e6 }).execute()
    sourceId = source.id
  })
  const target = await fresh()

  const child = startCli(['stream', '--progress-every', '1'], { ...target.env, ALLOW_HTTP_SOURCES: 'true' })
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL') })
  let stderr = ''
  // The first report after every event the instance sent was stored.
  const report = await new Promise<{ line: string; receivedAtMs: number }>((resolve, reject) => {
    child.stderr!.on('data', (chunk) => {
      stderr += chunk
      const line = stderr.split('\n').reverse().find((l) => l.startsWith(`source ${sourceId}: `) && fake.sent > 0 && l.includes(`(${fake.sent} stored)`))
      if (line !== undefined) resolve({ line, receivedAtMs: Date.now() })
    })
    child.once('exit', () => reject(new Error(`relais stream exited: ${stderr}`)))
    setTimeout(() => reject(new Error(`no report of every event stored: ${stderr}`)), 60_000).unref()
  })
  t.match(report.line, new RegExp(`^source ${sourceId}: \\d+\\.\\d events/s \\(${fake.sent} stored\\), lag .+, queue 0, 0 reconnects, 1 gap$`), report.line)
  const lag = printedLagSeconds(report.line)
  t.ok(lag !== null && lag >= 199 && lag <= (report.receivedAtMs * 1000 - lastUs) / 1e6 + 1, `lag ${lag} s: now − the last event's time (${((report.receivedAtMs * 1000 - lastUs) / 1e6).toFixed(1)} s when read)`)

  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const [code] = await exited
  t.equal(code, 0, 'stops cleanly')
  t.match(stderr, new RegExp(`Stopped: ${fake.sent} events read in \\d+ batches; \\d+ reconnections; 1 gaps recorded\\.`))
})
