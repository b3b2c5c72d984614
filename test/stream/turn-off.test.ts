// A source turned off (settings.streaming "off") stops being read by a running reader, and
// nothing more of its stream is stored.
import t from 'tap'
import { openTestDatabase } from '../helpers/database.ts'
import { generateEventLog } from '../fakes/jetstream/event-log.ts'
import { startFakeJetstream } from '../fakes/jetstream/server.ts'
import { startStreamWorker } from '../../src/pipeline/stream/stream-worker.ts'
import { LOCAL_POLICY, TOPIC_WORD, silentLog, storedPosts, streamingWorkspace, waitFor } from './fixtures/stream-setup.ts'

t.test('turning a source off stops its reader', async (t) => {
  const database = await openTestDatabase(t)
  const db = database.db
  // 20 s of events at 200 per second.
  const log = generateEventLog({ count: 4000, startUs: Date.now() * 1000 + 200_000, intervalUs: 5000, topicWord: TOPIC_WORD, seed: 3 })
  const fake = await startFakeJetstream({ events: log.events })
  t.teardown(() => fake.close())
  const { workspaceId, sourceId } = await streamingWorkspace(db, fake.url)
  const worker = startStreamWorker({ db, policy: LOCAL_POLICY, log: silentLog, options: { flushMs: 40, leaseMs: 600 } })
  t.teardown(() => worker.stop())
  await waitFor(async () => (await storedPosts(db, workspaceId)).size > 5, 20_000, 'some posts to be stored')
  t.same(worker.reading(), [sourceId], 'the source is read')

  await db.updateTable('sources').set({ settings: { streaming: 'off', jetstreamUrl: fake.url } }).where('id', '=', sourceId).execute()
  await waitFor(async () => worker.reading().length === 0, 10_000, 'the reader to stop')
  const sentAtStop = fake.sent
  const storedAtStop = (await storedPosts(db, workspaceId)).size
  await new Promise((resolve) => setTimeout(resolve, 1500))
  t.equal(fake.sent, sentAtStop, 'nothing more is read from the instance')
  t.equal((await storedPosts(db, workspaceId)).size, storedAtStop, `nothing more is stored (${storedAtStop} posts)`)
  const lease = await db.selectFrom('stream_leases').select(['expires_at']).where('source_id', '=', sourceId).executeTakeFirstOrThrow()
  t.ok(lease.expires_at.getTime() <= Date.now(), 'the lease is handed back')
})

t.test('a streaming source is read however many Bluesky sources without streaming came before it', async (t) => {
  const database = await openTestDatabase(t)
  const db = database.db
  const log = generateEventLog({ count: 400, startUs: Date.now() * 1000 + 200_000, intervalUs: 5000, topicWord: TOPIC_WORD, seed: 4 })
  const fake = await startFakeJetstream({ events: log.events })
  t.teardown(() => fake.close())
  const { workspaceId, sourceId } = await streamingWorkspace(db, fake.url)
  // More polled Bluesky sources, older than the streaming one, than a scan looks at.
  const older = new Date(Date.now() - 86_400_000)
  await db.insertInto('sources').values(Array.from({ length: 1001 }, (_, i) => ({ workspace_id: workspaceId, name: `polled ${i}`, network: 'bluesky', settings: {}, created_at: older }))).execute()
  const worker = startStreamWorker({ db, policy: LOCAL_POLICY, log: silentLog, options: { flushMs: 40, leaseMs: 600 } })
  t.teardown(() => worker.stop())
  await waitFor(async () => worker.reading().length > 0, 10_000, 'the streaming source to be read')
  t.same(worker.reading(), [sourceId], 'the streaming source is read')
})
