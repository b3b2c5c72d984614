// A cursor older than the instance's replay window is clamped to the oldest event it keeps,
// without a word: the reader notices (the first event is far after its cursor), records the gap
// for backfill, and stores every on-topic post the instance still had.
import t from 'tap'
import { openTestDatabase } from '../helpers/database.ts'
import { generateEventLog } from '../fakes/jetstream/event-log.ts'
import { startFakeJetstream } from '../fakes/jetstream/server.ts'
import { startStreamWorker } from '../../src/pipeline/stream/stream-worker.ts'
import { LOCAL_POLICY, TOPIC_WORD, lastPostEventUs, silentLog, sorted, storedCursor, storedPosts, streamingWorkspace, waitFor } from './fixtures/stream-setup.ts'

t.test('a cursor before the replay window: the kept events are stored and the gap is recorded', async (t) => {
  const database = await openTestDatabase(t)
  const db = database.db
  const startUs = Date.now() * 1000 - 20_000_000
  // 4,000 events over the last 20 s, all published; the instance keeps the last 10 s only.
  const log = generateEventLog({ count: 4000, startUs, intervalUs: 5000, topicWord: TOPIC_WORD, seed: 5 })
  const nowUs = startUs + 4000 * 5000
  const windowUs = 10_000_000
  const fake = await startFakeJetstream({ events: log.events, replayWindowUs: windowUs, nowUs: () => nowUs })
  t.teardown(() => fake.close())
  const { workspaceId, sourceId } = await streamingWorkspace(db, fake.url)
  // Read up to an hour ago, by a process since gone.
  const oldCursorUs = startUs - 3600e6
  await db.insertInto('stream_leases').values({ source_id: sourceId, workspace_id: workspaceId, holder: 'elsewhere:1', expires_at: new Date(Date.now() - 1000), cursor_us: oldCursorUs }).execute()

  const worker = startStreamWorker({ db, policy: LOCAL_POLICY, log: silentLog, options: { flushMs: 40, leaseMs: 1500 } })
  t.teardown(() => worker.stop())
  const lastUs = lastPostEventUs(log.events)
  await waitFor(async () => ((await storedCursor(db, sourceId)) ?? 0) >= lastUs, 30_000, 'the last event to be stored')

  // What the instance still kept: posts created inside the window, on the topic, not deleted.
  const oldestKeptUs = nowUs - windowUs
  const createdAt = new Map<string, number>()
  for (const event of log.events) if (event.kind === 'commit' && event.commit.operation === 'create') createdAt.set(`at://${event.did}/${event.commit.collection}/${event.commit.rkey}`, event.time_us)
  const kept = [...log.onTopic].filter((uri) => createdAt.get(uri)! >= oldestKeptUs)
  const lost = [...log.onTopic].filter((uri) => createdAt.get(uri)! < oldestKeptUs)
  t.equal(fake.requestedCursors[0], oldCursorUs - 3_000_000, 'asked for 3 s before the stored cursor')
  t.ok(kept.length > 50 && lost.length > 50, `${kept.length} on-topic posts kept by the instance, ${lost.length} no longer`)
  t.same(sorted((await storedPosts(db, workspaceId)).keys()), sorted(kept), 'every on-topic post the instance kept is stored, no more')

  const gaps = await db.selectFrom('stream_gaps').select(['workspace_id', 'source_id', 'from_us', 'to_us', 'status']).execute()
  const firstKept = log.events.find((event) => event.time_us >= oldestKeptUs && (event.kind !== 'commit' || event.commit.collection === 'app.bsky.feed.post'))!
  t.same(gaps, [{ workspace_id: workspaceId, source_id: sourceId, from_us: oldCursorUs, to_us: firstKept.time_us, status: 'needs_backfill' }], 'one gap, from the stored cursor to the first event received')
  t.equal(worker.metrics.counts().gaps, 1, 'the reader counts one gap')
})
