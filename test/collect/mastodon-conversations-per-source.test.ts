import t from 'tap'
import { sql } from 'kysely'
import type { Database } from '../../src/platform/db/database.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { scheduledRun } from '../helpers/bluesky-fidelity.ts'
import { listenOn } from '../helpers/network-fidelity.ts'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'
import { sealCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { MAX_CONVERSATION_MISSES } from '../../src/pipeline/collect/conversations-due.ts'
import { startFakeMastodon, type FakeMastodon } from '../fakes/mastodon/index.ts'
import * as migration0050 from '../../migrations/20261207_0050_conversation_reads_per_source.ts'

// Two Mastodon sources of one workspace. The first one's instance cannot find the matched status
// (its search with `resolve` gives nothing), the second one's holds it. The read the first could
// not make is not a read: the replies and the boosts are collected through the second, and the
// first, failing MAX_CONVERSATION_MISSES times, stops asking.
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

async function home(): Promise<FakeMastodon> {
  return startFakeMastodon({
    accounts: [{ id: '1', username: 'alice' }, { id: '2', username: 'bob' }, { id: '3', username: 'carol' }],
    statuses: [
      { id: '10', accountId: '1', createdAt: ago(60), text: 'Riding to work #velo' },
      { id: '11', accountId: '2', createdAt: ago(50), text: 'Which bridge do you cross?', inReplyToId: '10' },
      { id: '12', accountId: '3', createdAt: ago(40), reblogOfId: '10' },
    ],
  })
}

/** The matched status and what was collected under it in the workspace: its replies' words, its boosters' user names. */
async function under(database: Database, workspaceId: string) {
  const { external_id: uri } = await database.db.selectFrom('posts').select('external_id')
    .where('workspace_id', '=', workspaceId).where('text', 'like', 'Riding to work%').executeTakeFirstOrThrow()
  const replies = await database.db.selectFrom('posts').select('text').where('workspace_id', '=', workspaceId)
    .where('reply_to_external_id', '=', uri).orderBy('text').execute()
  const { rows } = await sql<{ handle: string }>`
    select distinct a.handle from posts p join accounts a on a.id = p.author_id
    where p.workspace_id = ${workspaceId} and p.repost_of_external_id = ${uri} order by 1`.execute(database.db)
  return { uri, replies: replies.map((r) => r.text), boosters: rows.map((r) => r.handle.split('@')[0]) }
}

t.test('replies and boosts a first source\'s instance cannot find are collected through the second; the first stops asking after three tries', async (t) => {
  const database = await openTestDatabase(t)
  const serving = await home()
  t.teardown(() => serving.close())
  // An instance with a token (it may resolve remote statuses) that cannot find this one.
  const lost = await startFakeMastodon({ accounts: [{ id: '1', username: 'dave' }], tokens: ['dave-token'] })
  t.teardown(() => lost.close())
  // The instance that cannot find the status is the workspace's first source: its passes come first.
  const { workspaceId, sourceId: lostSourceId } = await listenOn(database, { network: 'mastodon', baseUrl: lost.url, credentials: { accessToken: 'dave-token' } }, ['#velo'])
  const servingSource = await database.db.insertInto('sources').values({ workspace_id: workspaceId, name: 'mastodon 2', network: 'mastodon', base_url: serving.url, settings: {}, credentials: sealCredentials(TEST_SECRETS, {}) }).returning('id').executeTakeFirstOrThrow()

  const first = await scheduledRun(database, workspaceId)
  t.equal(first.status, 'succeeded', first.error ?? '')
  const collected = await under(database, workspaceId)
  t.same(collected.replies, ['Which bridge do you cross?'], 'the reply was collected through the instance that holds the status')
  t.same(collected.boosters, ['carol'], 'the boost too')
  const lookups = () => lost.requests.filter((r) => r.path === '/api/v2/search' && r.query.get('q') === collected.uri).length
  t.equal(lookups(), 2, 'the first instance looked the status up once for its replies, once for its boosts')

  // The conversation goes on: one more reply and one more boost before each run.
  const runs = MAX_CONVERSATION_MISSES + 2
  for (let run = 2; run <= runs; run++) {
    serving.state.addAccount({ id: `${10 + run}`, username: `fan${run}` })
    serving.state.addStatus({ id: `${100 + run}`, accountId: '2', createdAt: ago(30 - run), text: `Reply number ${run}`, inReplyToId: '10' })
    serving.state.addStatus({ id: `${200 + run}`, accountId: `${10 + run}`, createdAt: ago(30 - run), reblogOfId: '10' })
    const outcome = await scheduledRun(database, workspaceId)
    t.equal(outcome.status, 'succeeded', outcome.error ?? '')
  }

  const after = await under(database, workspaceId)
  t.same(after.replies, ['Reply number 2', 'Reply number 3', 'Reply number 4', 'Reply number 5', 'Which bridge do you cross?'], 'every reply, as it came, through the second instance')
  t.same(after.boosters, ['carol', 'fan2', 'fan3', 'fan4', 'fan5'], 'every booster')
  t.equal(lookups(), 2 * MAX_CONVERSATION_MISSES, 'the first instance tried three times for each, then left the status alone')
  const { rows } = await sql<{ source_id: string; replies_read: number | null; reposts_read: number | null; replies_misses: number; reposts_misses: number }>`
    select r.source_id, r.replies_read, r.reposts_read, r.replies_misses, r.reposts_misses from post_conversation_reads r join posts p on p.id = r.post_id
    where p.workspace_id = ${workspaceId} and p.external_id = ${collected.uri} order by (r.source_id = ${lostSourceId})`.execute(database.db)
  t.same(rows, [
    { source_id: servingSource.id, replies_read: runs, reposts_read: runs, replies_misses: 0, reposts_misses: 0 },
    { source_id: lostSourceId, replies_read: null, reposts_read: null, replies_misses: MAX_CONVERSATION_MISSES, reposts_misses: MAX_CONVERSATION_MISSES },
  ], 'the reads are the second source\'s, the misses the first\'s alone')
})

t.test('migration 0050 moves a kept read to the only source that could have made it, and drops a Mastodon read where several could', async (t) => {
  const database = await openTestDatabase(t)
  const serving = await home()
  t.teardown(() => serving.close())
  const { workspaceId, sourceId } = await listenOn(database, { network: 'mastodon', baseUrl: serving.url, credentials: {} }, ['#velo'])
  const run = await scheduledRun(database, workspaceId)
  t.equal(run.status, 'succeeded', run.error ?? '')
  const { uri } = await under(database, workspaceId)
  const post = await database.db.selectFrom('posts').select('id').where('workspace_id', '=', workspaceId).where('external_id', '=', uri).executeTakeFirstOrThrow()
  const reads = async () => (await sql<{ source_id: string; replies_read: number | null; reposts_read: number | null }>`
    select source_id, replies_read, reposts_read from post_conversation_reads where post_id = ${post.id}`.execute(database.db)).rows

  // A read kept before (by post only), in a workspace with one Mastodon source.
  await migration0050.down(database.db as never)
  t.same((await sql`select replies_read, reposts_read from post_conversation_reads where post_id = ${post.id}`.execute(database.db)).rows, [{ replies_read: 1, reposts_read: 1 }], 'down keeps one row per post')
  await migration0050.up(database.db as never)
  t.same(await reads(), [{ source_id: sourceId, replies_read: 1, reposts_read: 1 }], 'moved to the workspace\'s only source on the network')

  // With a second Mastodon source, the kept read may be one the first could not make.
  const second = await database.db.insertInto('sources').values({ workspace_id: workspaceId, name: 'mastodon 2', network: 'mastodon', base_url: 'https://other.example', settings: {}, credentials: sealCredentials(TEST_SECRETS, {}) }).returning('id').executeTakeFirstOrThrow()
  await migration0050.down(database.db as never)
  await migration0050.up(database.db as never)
  t.same(await reads(), [], 'dropped: the post is read again')

  // On a network whose reads are always made, several sources do not make a kept read doubtful.
  await migration0050.down(database.db as never)
  await sql`insert into post_conversation_reads (post_id, replies_read, reposts_read) values (${post.id}, 1, 1)`.execute(database.db)
  await sql`update posts set network = 'bluesky' where id = ${post.id}`.execute(database.db)
  await sql`update sources set network = 'bluesky' where workspace_id = ${workspaceId}`.execute(database.db)
  await migration0050.up(database.db as never)
  t.same(await reads(), [{ source_id: sourceId, replies_read: 1, reposts_read: 1 }], 'moved to the workspace\'s first source on the network')
  t.not(second.id, sourceId)
})
