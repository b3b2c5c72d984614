// A live reader stopped at random points, dropped by the instance and sent events twice still
// stores exactly the generator's on-topic posts, each once, and none of the deleted ones.
import t from 'tap'
import { openTestDatabase } from '../helpers/database.ts'
import { generateEventLog } from '../fakes/jetstream/event-log.ts'
import { startFakeJetstream } from '../fakes/jetstream/server.ts'
import { startStreamWorker } from '../../src/pipeline/stream/stream-worker.ts'
import { LOCAL_POLICY, TOPIC_WORD, lastPostEventUs, silentLog, sorted, storedCursor, storedPosts, streamingWorkspace, topicPostIds, waitFor } from './fixtures/stream-setup.ts'

// The log runs at 2,000 events/s, so the rewind on reconnect is scaled down with it: 3 s would
// replay 6,000 events, more than the instance sends before it drops the connection.
const FAST = { flushMs: 40, leaseMs: 1500, reconnectMs: 20, reconnectMaxMs: 200, idleMs: 5000, rewindUs: 100_000 }

t.test('stops at random points, dropped connections and re-delivered events: each on-topic post once, deleted ones gone', async (t) => {
  const database = await openTestDatabase(t)
  const db = database.db
  // 4,000 events at 2,000 per second, published from half a second from now.
  const log = generateEventLog({ count: 4000, startUs: Date.now() * 1000 + 500_000, intervalUs: 500, topicWord: TOPIC_WORD, seed: 11 })
  const fake = await startFakeJetstream({ events: log.events, dropAfter: 700, duplicateEvery: 9 })
  t.teardown(() => fake.close())
  const { workspaceId, sourceId, topicId } = await streamingWorkspace(db, fake.url)
  // The source was read up to just before the log: what is checked here is stopping, dropping and
  // re-delivery, not how quickly a first reader starts on a loaded machine.
  await db.insertInto('stream_leases').values({ source_id: sourceId, workspace_id: workspaceId, holder: 'earlier#0', expires_at: new Date(0), cursor_us: log.events[0].time_us - 1 }).execute()

  // Stopped (the batch in flight settles, the queue is dropped) after a random time, again and again.
  let random = 7
  const next = () => (random = (random * 48271) % 2147483647) / 2147483647
  let restarts = 0
  const lastUs = lastPostEventUs(log.events)
  let running: { stop(): Promise<void> } | null = null
  t.teardown(() => running?.stop())
  // At least three stops, however slowly a loaded machine starts and stops a worker.
  while (restarts < 3 || Date.now() * 1000 < lastUs) {
    const worker = (running = startStreamWorker({ db, policy: LOCAL_POLICY, log: silentLog, options: FAST }))
    await new Promise((resolve) => setTimeout(resolve, 80 + next() * 400))
    await worker.stop()
    restarts++
  }
  const worker = (running = startStreamWorker({ db, policy: LOCAL_POLICY, log: silentLog, options: FAST }))
  await waitFor(async () => ((await storedCursor(db, sourceId)) ?? 0) >= lastUs, 30_000, 'the last event to be stored')
  await worker.stop()
  running = null

  const stored = await storedPosts(db, workspaceId)
  t.ok(fake.connections > restarts, `${fake.connections} connections (the instance dropped some after 700 events)`)
  t.same(sorted(stored.keys()), sorted(log.onTopic), `stored posts are the ${log.onTopic.size} on-topic posts still there`)
  t.same([...stored.values()].filter((count) => count !== 1), [], 'each stored once')
  t.same((await topicPostIds(db, topicId)), sorted(log.onTopic), 'each on the topic once')
  t.ok(log.deletedOnTopic.size > 10, `${log.deletedOnTopic.size} on-topic posts were deleted in the log`)
  t.same([...log.deletedOnTopic].filter((uri) => stored.has(uri)), [], 'no deleted post is stored')
  t.equal(await db.selectFrom('stream_gaps').select('id').execute().then((rows) => rows.length), 0, 'no gap: every reconnection resumed inside the replay window')
  // Every reconnection after the first asked for a cursor (a few seconds before the stored one).
  t.ok(fake.requestedCursors.every((cursor) => cursor !== null), 'every connection asked for a cursor')
})

t.test('a reader stopped before its first batch: the next one starts where the first started, not later', async (t) => {
  const database = await openTestDatabase(t)
  const db = database.db
  // 1,000 events at 1,000 per second, published from 1.5 s from now.
  const startUs = Date.now() * 1000 + 1_500_000
  const log = generateEventLog({ count: 1000, startUs, intervalUs: 1000, topicWord: TOPIC_WORD, seed: 5 })
  const fake = await startFakeJetstream({ events: log.events })
  t.teardown(() => fake.close())
  const { workspaceId, sourceId } = await streamingWorkspace(db, fake.url)

  const first = startStreamWorker({ db, policy: LOCAL_POLICY, log: silentLog, options: FAST })
  await waitFor(async () => (await storedCursor(db, sourceId)) !== null, 30_000, 'the first reader to take the source')
  await first.stop()
  const startedAtUs = (await storedCursor(db, sourceId))!
  t.ok(startedAtUs < startUs, 'the first reader stored where it started, before the log began')
  // Half the log is published while no reader runs.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, (startUs + 500_000) / 1000 - Date.now())))
  const second = startStreamWorker({ db, policy: LOCAL_POLICY, log: silentLog, options: FAST })
  t.teardown(() => second.stop())
  await waitFor(async () => ((await storedCursor(db, sourceId)) ?? 0) >= lastPostEventUs(log.events), 30_000, 'the last event to be stored')
  await second.stop()
  const stored = await storedPosts(db, workspaceId)
  t.ok(log.onTopic.size > 50, `${log.onTopic.size} on-topic posts in the log`)
  t.same(sorted(stored.keys()), sorted(log.onTopic), 'every on-topic post, those published while no reader ran included')
})
