// Follows created and removed on the stream change the workspace's graph when they touch an
// account it tracks, and an account gone from the network leaves the feed and the graph.
import t from 'tap'
import { PassThrough } from 'node:stream'
import type { Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { accountEvent, followEvent, postEvent, unfollowEvent } from '../fakes/jetstream/event-log.ts'
import { startFakeJetstream } from '../fakes/jetstream/server.ts'
import { startStreamWorker } from '../../src/pipeline/stream/stream-worker.ts'
import { exportRecords } from '../../src/pipeline/interchange/index.ts'
import { LOCAL_POLICY, TOPIC_WORD, silentLog, storedCursor, streamingWorkspace, topicPostIds, waitFor } from './fixtures/stream-setup.ts'

const FAST = { flushMs: 40, leaseMs: 1500, reconnectMs: 20, reconnectMaxMs: 200, idleMs: 5000, rewindUs: 100_000 }

/** The follows of the workspace's export, as "follower > followee". */
async function exportedFollows(db: Kysely<DB>, workspaceId: string): Promise<string[]> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  await exportRecords(db, workspaceId, out)
  return Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((record) => record.type === 'follow').map((record) => `${String(record.followerId)} > ${String(record.followeeId)}`).sort()
}

/** The workspace's follow edges, as "follower > followee". */
async function storedFollows(db: Kysely<DB>, workspaceId: string): Promise<string[]> {
  const rows = await db.selectFrom('follows').innerJoin('accounts as fa', 'fa.id', 'follows.follower_id').innerJoin('accounts as fb', 'fb.id', 'follows.followee_id')
    .select(['fa.external_id as follower', 'fb.external_id as followee']).where('fa.workspace_id', '=', workspaceId).execute()
  return rows.map((row) => `${row.follower} > ${row.followee}`).sort()
}

async function accountIds(db: Kysely<DB>, workspaceId: string): Promise<string[]> {
  return (await db.selectFrom('accounts').select('external_id').where('workspace_id', '=', workspaceId).orderBy('external_id').execute()).map((row) => row.external_id)
}

t.test('follows of tracked accounts follow the stream; an account deleted on the network leaves the feed and the graph', async (t) => {
  const database = await openTestDatabase(t)
  const db = database.db
  const [ann, ben, cat, dan, eve, zed] = ['ann', 'ben', 'cat', 'dan', 'eve', 'zed'].map((name) => `did:plc:${name}`)
  const base = Date.now() * 1000
  const first = [
    postEvent(ann, 'p1', `learning ${TOPIC_WORD} today`, base + 1_000),
    postEvent(ben, 'p2', `${TOPIC_WORD} questions`, base + 1_500),
    postEvent(zed, 'p3', `a ${TOPIC_WORD} meetup`, base + 2_000),
    followEvent(ann, ben, 'f1', base + 3_000), // between two tracked accounts
    followEvent(cat, ann, 'f2', base + 4_000), // someone untracked follows a tracked account
    followEvent(dan, eve, 'f3', base + 5_000), // neither is tracked
    followEvent(cat, eve, 'f4', base + 6_000), // placeholders (stored for the edges above) are not tracked
    followEvent(zed, ann, 'f5', base + 7_000),
    followEvent(ben, ann, 'f6', base + 7_500),
    accountEvent(ann, true, undefined, base + 8_000), // an active account: nothing changes
  ]
  const second = [
    unfollowEvent(ann, 'f1', base + 20_000),
    unfollowEvent(dan, 'f3', base + 21_000), // an edge never stored: nothing to remove
    accountEvent(zed, false, 'deleted', base + 22_000),
  ]
  // The instance's clock publishes the first part, then (moved by the test) the second.
  let clockUs = base + 10_000
  const fake = await startFakeJetstream({ events: [...first, ...second], nowUs: () => clockUs })
  t.teardown(() => fake.close())
  const { workspaceId, sourceId, topicId } = await streamingWorkspace(db, fake.url)
  await db.insertInto('stream_leases').values({ source_id: sourceId, workspace_id: workspaceId, holder: 'earlier#0', expires_at: new Date(0), cursor_us: base }).execute()
  const worker = startStreamWorker({ db, policy: LOCAL_POLICY, log: silentLog, options: FAST })
  t.teardown(() => worker.stop())

  await waitFor(async () => ((await storedCursor(db, sourceId)) ?? 0) >= base + 8_000, 30_000, 'the first part to be stored')
  t.same(await topicPostIds(db, topicId), [ann, ben, zed].map((did, i) => `at://${did}/app.bsky.feed.post/p${i + 1}`).sort(), 'the three posts on the feed')
  t.same(await storedFollows(db, workspaceId), [`${ann} > ${ben}`, `${ben} > ${ann}`, `${cat} > ${ann}`, `${zed} > ${ann}`].sort(), 'the follows touching a tracked account are in the graph, the others are not')
  // The export carries the follows between the accounts it exports (the authors of matched posts).
  t.same(await exportedFollows(db, workspaceId), [`${ann} > ${ben}`, `${ben} > ${ann}`, `${zed} > ${ann}`].sort(), 'and the export carries them')
  t.notOk((await accountIds(db, workspaceId)).includes(dan), 'an untracked follow stores no account')
  const keyed = await db.selectFrom('follows').select('rkey').where('rkey', 'is not', null).execute()
  t.equal(keyed.length, 4, 'each edge keeps its record key')

  clockUs = base + 30_000
  await waitFor(async () => ((await storedCursor(db, sourceId)) ?? 0) >= base + 22_000, 30_000, 'the second part to be stored')
  t.same(await storedFollows(db, workspaceId), [`${ben} > ${ann}`, `${cat} > ${ann}`], 'the removed follow and the deleted account\'s follow left the graph')
  t.same(await exportedFollows(db, workspaceId), [`${ben} > ${ann}`], 'and the export')
  t.same(await topicPostIds(db, topicId), [ann, ben].map((did, i) => `at://${did}/app.bsky.feed.post/p${i + 1}`).sort(), 'the deleted account\'s post left the feed')
  t.notOk((await accountIds(db, workspaceId)).includes(zed), 'the deleted account is no longer stored')
  const posts = await db.selectFrom('posts').select('external_id').where('workspace_id', '=', workspaceId).execute()
  t.notOk(posts.some((row) => row.external_id.startsWith(`at://${zed}/`)), 'its posts are gone from the workspace')
})

t.test('a deactivated account is erased too; an active one stays', async (t) => {
  const database = await openTestDatabase(t)
  const db = database.db
  const [amy, bob] = ['did:plc:amy', 'did:plc:bob']
  const base = Date.now() * 1000
  const events = [
    postEvent(amy, 'a1', `${TOPIC_WORD} notes`, base + 1_000),
    postEvent(bob, 'b1', `${TOPIC_WORD} again`, base + 2_000),
    accountEvent(amy, false, 'deactivated', base + 3_000),
    accountEvent(bob, true, undefined, base + 5_000),
  ]
  const fake = await startFakeJetstream({ events, nowUs: () => base + 10_000 })
  t.teardown(() => fake.close())
  const { workspaceId, sourceId, topicId } = await streamingWorkspace(db, fake.url)
  await db.insertInto('stream_leases').values({ source_id: sourceId, workspace_id: workspaceId, holder: 'earlier#0', expires_at: new Date(0), cursor_us: base }).execute()
  const worker = startStreamWorker({ db, policy: LOCAL_POLICY, log: silentLog, options: FAST })
  t.teardown(() => worker.stop())
  await waitFor(async () => ((await storedCursor(db, sourceId)) ?? 0) >= base + 5_000, 30_000, 'the events to be stored')
  t.same(await topicPostIds(db, topicId), [`at://${bob}/app.bsky.feed.post/b1`], 'the deactivated account\'s post left the feed; the active one\'s stayed')
})
