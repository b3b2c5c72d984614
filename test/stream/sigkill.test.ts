// `relais stream` killed with SIGKILL in the middle of a stream, then started again: the next
// process takes over the dead one's lease at once, resumes before the stored cursor, and the
// workspace ends with exactly the on-topic posts still there, each once. Runs on the suite's
// database: a fresh PostgreSQL database with DATABASE_URL, an embedded DATA_DIR without.
import t from 'tap'
import { once } from 'node:events'
import type { ChildProcess } from 'node:child_process'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { startCli } from '../helpers/run-cli.ts'
import { childDatabaseTemplate, withOpen } from '../reliability/fixtures/child-database.ts'
import { generateEventLog } from '../fakes/jetstream/event-log.ts'
import { startFakeJetstream } from '../fakes/jetstream/server.ts'
import { TOPIC_WORD, lastPostEventUs, sorted, storedCursor, storedPosts } from './fixtures/stream-setup.ts'

/** Started, and saying so on standard error. */
async function startStream(env: Record<string, string | undefined>): Promise<ChildProcess> {
  const child = startCli(['stream'], { ...env, ALLOW_HTTP_SOURCES: 'true' })
  let stderr = ''
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk) => {
      stderr += chunk
      if (process.env.STREAM_TEST_VERBOSE) process.stderr.write(chunk)
      if (stderr.includes('Live collection is running')) resolve()
    })
    child.once('exit', () => reject(new Error(`relais stream exited: ${stderr}`)))
  })
  return child
}

t.test('relais stream killed with SIGKILL and started again stores each on-topic post once', async (t) => {
  // The log's clock stands still until the first process runs, then moves at 1,000 events/s.
  const log = generateEventLog({ count: 4000, startUs: Date.now() * 1000 + 3600e6, intervalUs: 1000, topicWord: TOPIC_WORD, seed: 23 })
  let clockStartedAt: number | null = null
  const firstUs = log.events[0].time_us
  const fake = await startFakeJetstream({ events: log.events, nowUs: () => (clockStartedAt === null ? 0 : firstUs + (Date.now() - clockStartedAt) * 1000) })
  t.teardown(() => fake.close())
  let ids = { workspaceId: '', sourceId: '' }
  const fresh = await childDatabaseTemplate(t, async (database) => {
    const { id: workspaceId } = await createWorkspace(database.db, 'Killed live')
    const source = await database.db.insertInto('sources').values({ workspace_id: workspaceId, name: 'live', network: 'bluesky', settings: { streaming: 'on', jetstreamUrl: fake.url } }).returning('id').executeTakeFirstOrThrow()
    await database.db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Rust', query: TOPIC_WORD }).execute()
    ids = { workspaceId, sourceId: source.id }
  })
  const target = await fresh()

  const first = await startStream(target.env)
  clockStartedAt = Date.now()
  // Killed somewhere in the middle of the log.
  while (fake.sent < 1500) await new Promise((resolve) => setTimeout(resolve, 20))
  const exited = once(first, 'exit')
  first.kill('SIGKILL')
  const [, signal] = await exited
  t.equal(signal, 'SIGKILL', `killed after ${fake.sent} events were sent`)

  const lastUs = lastPostEventUs(log.events)
  let cursor: number | null = null
  let starts = 0
  // The next process runs until the log is over (a slow start on a loaded machine may need one more).
  while ((cursor ?? 0) < lastUs && starts < 3) {
    const connections = fake.connections
    const next = await startStream(target.env)
    starts++
    // Until it has connected, the log is over, and nothing more has been sent for a second
    // (batches are stored every 500 ms).
    let sent = -1
    while (fake.connections === connections || firstUs + (Date.now() - clockStartedAt) * 1000 < lastUs || fake.sent !== sent) {
      sent = fake.sent
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    const stopped = once(next, 'exit')
    next.kill('SIGTERM')
    const [code] = await stopped
    t.equal(code, 0, 'a stopped process exits cleanly')
    cursor = await withOpen(target.open, (database) => storedCursor(database.db, ids.sourceId))
    t.comment(`restart ${starts}: cursor ${cursor}, last event ${lastUs}, ${fake.sent} events sent over ${fake.connections} connections`)
  }
  t.ok((cursor ?? 0) >= lastUs, `the stream was read to its end after ${starts} restart(s)`)
  t.ok(fake.requestedCursors.length >= 2 && fake.requestedCursors.slice(1).every((c) => c !== null && c < lastUs), 'the restarted process resumed from a cursor')
  const stored = await withOpen(target.open, (database) => storedPosts(database.db, ids.workspaceId))
  t.same(sorted(stored.keys()), sorted(log.onTopic), `the ${log.onTopic.size} on-topic posts still there are stored`)
  t.same([...stored.values()].filter((count) => count !== 1), [], 'each once')
  t.same([...log.deletedOnTopic].filter((uri) => stored.has(uri)), [], `none of the ${log.deletedOnTopic.size} deleted ones`)
})
