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

  // Stopped (the batch in flight settles, the queue is dropped) after a random time, again and again.
  let random = 7
  const next = () => (random = (random * 48271) % 2147483647) / 2147483647
  let restarts = 0
  const lastUs = lastPostEventUs(log.events)
  let running: { stop(): Promise<void> } | null = null
  t.teardown(() => running?.stop())
  while (Date.now() * 1000 < lastUs) {
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
  t.ok(restarts >= 3, `${restarts} stops and restarts while the stream was published`)
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
