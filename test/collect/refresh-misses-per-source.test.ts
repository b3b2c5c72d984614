import t from 'tap'
import { sql } from 'kysely'
import { openTestDatabase } from '../helpers/database.ts'
import { AUTHORS, LOGIN, listen, scheduledRun } from '../helpers/bluesky-fidelity.ts'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'
import { postUri, startFakeBluesky, type FakeBluesky } from '../fakes/bluesky/index.ts'
import { sealCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { MAX_ENGAGEMENT_MISSES } from '../../src/pipeline/collect/posts-to-refresh.ts'
import * as migration0048 from '../../migrations/20261207_0048_engagement_misses_per_source.ts'

// Two sources of one workspace on the same network see the same post. One of them can no longer
// read it (gone from that server), the other still can. A failed re-read is the failing source's
// business: that source stops asking after MAX_ENGAGEMENT_MISSES misses, the other keeps the
// post's counts current.

/** The getPosts calls a server received that asked for `uri`. */
const asksFor = (fake: FakeBluesky, uri: string) =>
  fake.requests.filter((r) => r.nsid === 'app.bsky.feed.getPosts' && r.query.getAll('uris').includes(uri)).length

t.test('a post one source can no longer read stays current through another source of its network', async (t) => {
  const database = await openTestDatabase(t)
  const { fake: lost, workspaceId, sourceId: lostSourceId } = await listen(t, database)
  // A second server with the same accounts and posts (its own copies), and a second source on it.
  const serving = await startFakeBluesky({
    actors: [...lost.state.actors.values()].map((actor) => ({ ...actor })),
    posts: [...lost.state.posts.values()].map((post) => ({ ...post })),
    logins: [LOGIN],
  })
  t.teardown(() => serving.close())
  const servingSource = await database.db.insertInto('sources').values({
    workspace_id: workspaceId, name: 'bluesky 2', network: 'bluesky', base_url: serving.url,
    settings: { pdsUrl: serving.url }, credentials: sealCredentials(TEST_SECRETS, { identifier: LOGIN.identifier, appPassword: LOGIN.password }),
  }).returning('id').executeTakeFirstOrThrow()

  const first = await scheduledRun(database, workspaceId)
  t.equal(first.status, 'succeeded', first.error ?? '')
  const uri = postUri(AUTHORS[0], 'velo-0')
  t.ok(await database.db.selectFrom('posts').select('id').where('workspace_id', '=', workspaceId).where('external_id', '=', uri).executeTakeFirst(), 'the post was collected')

  // The first server loses the post; on the second its likes keep growing.
  lost.state.deletePost(uri)
  const lostBefore = asksFor(lost, uri)
  const runs = MAX_ENGAGEMENT_MISSES + 3
  for (let run = 1; run <= runs; run++) {
    serving.state.posts.get(uri)!.likes = 100 + run
    serving.state.version++
    const outcome = await scheduledRun(database, workspaceId)
    t.equal(outcome.status, 'succeeded', outcome.error ?? '')
  }

  t.equal(asksFor(lost, uri) - lostBefore, MAX_ENGAGEMENT_MISSES, 'the source that lost the post asked for it three times, then left it alone')
  const stored = await database.db.selectFrom('posts').select('likes').where('workspace_id', '=', workspaceId).where('external_id', '=', uri).executeTakeFirstOrThrow()
  t.equal(stored.likes, 100 + runs, 'the other source kept its counts current to the last run')
  const { rows } = await sql<{ source_id: string; misses: number }>`
    select m.source_id, m.misses from post_engagement_misses m join posts p on p.id = m.post_id
    where p.workspace_id = ${workspaceId} and p.external_id = ${uri}`.execute(database.db)
  t.same(rows, [{ source_id: lostSourceId, misses: MAX_ENGAGEMENT_MISSES }], 'the misses are the failing source\'s alone')
  t.not(servingSource.id, lostSourceId)
})

t.test('migration 0048 moves a kept miss to the only source that could have failed, and drops it where several could', async (t) => {
  const database = await openTestDatabase(t)
  const { workspaceId, sourceId } = await listen(t, database)
  const run = await scheduledRun(database, workspaceId)
  t.equal(run.status, 'succeeded', run.error ?? '')
  const post = await database.db.selectFrom('posts').select('id').where('workspace_id', '=', workspaceId).where('external_id', '=', postUri(AUTHORS[0], 'velo-0')).executeTakeFirstOrThrow()
  const misses = async () => (await sql<{ source_id: string; misses: number }>`select source_id, misses from post_engagement_misses where post_id = ${post.id}`.execute(database.db)).rows

  // A miss kept before (by post only), in a workspace with one Bluesky source.
  await migration0048.down(database.db as never)
  await sql`insert into post_engagement_misses (post_id, misses, missed_at) values (${post.id}, 2, now())`.execute(database.db)
  await migration0048.up(database.db as never)
  t.same(await misses(), [{ source_id: sourceId, misses: 2 }], 'moved to the workspace\'s only source on the network')

  // With a second Bluesky source in the workspace, which of them failed is not known.
  await database.db.insertInto('sources').values({ workspace_id: workspaceId, name: 'bluesky 2', network: 'bluesky', base_url: 'https://bsky.example', settings: {}, credentials: sealCredentials(TEST_SECRETS, {}) }).execute()
  await migration0048.down(database.db as never)
  t.equal((await sql<{ misses: number }>`select misses from post_engagement_misses where post_id = ${post.id}`.execute(database.db)).rows[0]?.misses, 2, 'down keeps one row per post')
  await migration0048.up(database.db as never)
  t.same(await misses(), [], 'dropped: each source tries the post again on its own')
})
