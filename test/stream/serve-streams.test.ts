// `relais serve` reads the streaming sources itself (unless STREAMING=off): the stream's on-topic
// posts appear in the mention feed, and a SIGTERM stores the batch in flight, hands the lease back
// and exits cleanly. Runs on the suite's database: PostgreSQL with DATABASE_URL, embedded without.
import t from 'tap'
import { once } from 'node:events'
import { createApiKey, createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { childDatabaseTemplate, withOpen } from '../reliability/fixtures/child-database.ts'
import { generateEventLog } from '../fakes/jetstream/event-log.ts'
import { startFakeJetstream } from '../fakes/jetstream/server.ts'
import { TOPIC_WORD, sorted, storedPosts } from './fixtures/stream-setup.ts'
import { allMentions, startServe } from './fixtures/serve-process.ts'

t.test('relais serve streams, and STREAMING=off does not', async (t) => {
  // 600 events at 1,000 per second; the instance's clock stands before the first until the service runs.
  const log = generateEventLog({ count: 600, startUs: Date.now() * 1000 + 3600e6, intervalUs: 1000, topicWord: TOPIC_WORD, seed: 31 })
  let clockStartedAt: number | null = null
  const firstUs = log.events[0].time_us
  const fake = await startFakeJetstream({ events: log.events, nowUs: () => (clockStartedAt === null ? firstUs - 1 : firstUs + (Date.now() - clockStartedAt) * 1000) })
  t.teardown(() => fake.close())
  let ids = { workspaceId: '', sourceId: '', topicId: '', key: '' }
  const fresh = await childDatabaseTemplate(t, async (database) => {
    const { id: workspaceId } = await createWorkspace(database.db, 'Served live')
    const source = await database.db.insertInto('sources').values({ workspace_id: workspaceId, name: 'live', network: 'bluesky', settings: { streaming: 'on', jetstreamUrl: fake.url } }).returning('id').executeTakeFirstOrThrow()
    const topic = await database.db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Rust', query: TOPIC_WORD }).returning('id').executeTakeFirstOrThrow()
    ids = { workspaceId, sourceId: source.id, topicId: topic.id, key: (await createApiKey(database.db, workspaceId, ['read'])).key }
  })

  t.test('off: the service opens no stream', async (t) => {
    const target = await fresh()
    const serve = await startServe({ ...target.env, STREAMING: 'off' })
    t.teardown(() => { serve.child.kill('SIGKILL') })
    t.match(serve.stderr(), /live collection off/, 'the service says live collection is off')
    // Longer than the worker's first look for streaming sources, which happens at start.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    t.equal(fake.connections, 0, 'no connection to the instance')
    const stopped = once(serve.child, 'exit')
    serve.child.kill('SIGTERM')
    t.equal((await stopped)[0], 0, 'exits cleanly')
  })

  t.test('on (the default): mentions arrive in the feed; SIGTERM hands the lease back', async (t) => {
    const target = await fresh()
    const serve = await startServe({ ...target.env, STREAMING: undefined })
    t.teardown(() => { serve.child.kill('SIGKILL') })
    t.match(serve.stderr(), /live collection on/, 'the service says live collection is on')
    // Once the reader has connected (live from the instance's now), the events start.
    while (fake.connections === 0) await new Promise((resolve) => setTimeout(resolve, 50))
    clockStartedAt = Date.now()
    const deadline = Date.now() + 60_000
    let listed: { id: string }[] = []
    while ((listed = await allMentions(serve.base, ids.key, ids.topicId)).length < log.onTopic.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200))
    t.equal(listed.length, log.onTopic.size, `the feed lists the ${log.onTopic.size} on-topic posts of the stream`)
    const stopped = once(serve.child, 'exit')
    serve.child.kill('SIGTERM')
    t.equal((await stopped)[0], 0, 'exits cleanly')
    await withOpen(target.open, async (database) => {
      t.same(sorted((await storedPosts(database.db, ids.workspaceId)).keys()), sorted(log.onTopic), 'the stored posts are the on-topic posts still there')
      const lease = await database.db.selectFrom('stream_leases').select(['expires_at']).where('source_id', '=', ids.sourceId).executeTakeFirstOrThrow()
      t.ok(lease.expires_at.getTime() <= Date.now(), 'the lease is handed back at once')
    })
  })
})
