// Migration 0032 on a database holding shared content: each workspace gets its own copy of what it
// saw (its topics' matches, its imports, its scores, the interactions of its posts), its
// references follow, what nobody saw goes; and down() folds the copies back into shared rows.
import t from 'tap'
import { Migrator, sql, type Kysely } from 'kysely'
import { migrations } from '../../migrations/index.ts'
import { migrateToLatest } from '../../src/platform/db/migrator.ts'
import type { DB } from '../../src/platform/db/schema.ts'
import { openTestDatabase } from '../helpers/database.ts'

const BEFORE = '20261207_0016_people'

async function rows<T>(db: Kysely<DB>, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(db)).rows
}

t.test('shared rows become each workspace\'s own copies, and fold back on the way down', async (t) => {
  const { db } = await openTestDatabase(t)
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const down = await migrator.migrateTo(BEFORE)
  t.equal(down.error, undefined)

  // The old, shared model: alice's post p1 is matched by both workspaces' topics; bob's reply p2
  // by the first only; bob's p3 by nobody; carol was imported by the second and follows alice.
  const [w1, w2] = (await rows<{ id: string }>(db, sql`insert into workspaces (name, created_at) values ('One', now() - interval '1 day'), ('Two', now()) returning id`)).map((r) => r.id)
  const [t1] = (await rows<{ id: string }>(db, sql`insert into topics (workspace_id, name, query) values (${w1}, 'Vélo', '#velo') returning id`)).map((r) => r.id)
  const [t2] = (await rows<{ id: string }>(db, sql`insert into topics (workspace_id, name, query) values (${w2}, 'Vélo', '#velo') returning id`)).map((r) => r.id)
  const ids = new Map((await rows<{ id: number; external_id: string }>(db, sql`
    insert into accounts (network, external_id, handle, display_name) values
      ('mastodon', 'alice', 'alice', 'Alice'), ('mastodon', 'bob', 'bob', 'Bob'), ('mastodon', 'carol', 'carol', 'Carol')
    returning id, external_id`)).map((r) => [r.external_id, r.id]))
  const posts = new Map((await rows<{ id: number; external_id: string }>(db, sql`
    insert into posts (network, external_id, author_id, created_at, text, reply_to_external_id) values
      ('mastodon', 'p1', ${ids.get('alice')}, now(), '#velo', null),
      ('mastodon', 'p2', ${ids.get('bob')}, now(), 'oui #velo', 'p1'),
      ('mastodon', 'p3', ${ids.get('bob')}, now(), 'rien', null)
    returning id, external_id`)).map((r) => [r.external_id, r.id]))
  await sql`insert into topic_posts (topic_id, post_id, post_created_at) values
    (${t1}, ${posts.get('p1')}, now()), (${t2}, ${posts.get('p1')}, now()), (${t1}, ${posts.get('p2')}, now())`.execute(db)
  await sql`insert into follows (network, follower_id, followee_id) values
    ('mastodon', ${ids.get('bob')}, ${ids.get('alice')}), ('mastodon', ${ids.get('carol')}, ${ids.get('alice')})`.execute(db)
  await sql`insert into interactions (network, kind, source_id, target_id, post_id, occurred_at) values
    ('mastodon', 'reply', ${ids.get('bob')}, ${ids.get('alice')}, ${posts.get('p2')}, now())`.execute(db)
  await sql`insert into imported_accounts (workspace_id, account_id) values (${w2}, ${ids.get('carol')})`.execute(db)
  const [run] = await rows<{ id: number }>(db, sql`insert into score_runs (topic_id, window_start, params, coverage) values (${t1}, now(), '{}', '{}') returning id`)
  await sql`insert into scores (run_id, account_id, influence, relay, influence_rank, relay_rank, prospect, community, components)
    values (${run.id}, ${ids.get('alice')}, 1, 0, 1, 1, false, 0, '{}')`.execute(db)
  await sql`insert into collection_checkpoints (topic_id, source_key, kind, cursor) values (${t1}, 's', ${`followers:${ids.get('alice')}`}, '{}')`.execute(db)

  await migrateToLatest(db)
  const accountsOf = async (w: string) => (await rows<{ external_id: string }>(db, sql`select external_id from accounts where workspace_id = ${w} order by 1`)).map((r) => r.external_id)
  t.same(await accountsOf(w1), ['alice', 'bob'], 'the first workspace: the authors and interactions of what it matched')
  t.same(await accountsOf(w2), ['alice', 'carol'], 'the second: the author of its match and the account it imported')
  const postsOf = async (topic: string) => (await rows<{ external_id: string; owner: string }>(db, sql`
    select p.external_id, p.workspace_id as owner from topic_posts tp join posts p on p.id = tp.post_id where tp.topic_id = ${topic} order by 1`))
  t.same(await postsOf(t1), [{ external_id: 'p1', owner: w1 }, { external_id: 'p2', owner: w1 }], 'each topic\'s matches point at its workspace\'s copies')
  t.same(await postsOf(t2), [{ external_id: 'p1', owner: w2 }])
  t.same(await rows(db, sql`select count(*)::int as n from posts`), [{ n: 3 }], 'the post nobody saw is gone')
  t.same(await rows(db, sql`select count(*)::int as n from follows`), [{ n: 2 }], 'bob → alice in the first, carol → alice in the second')
  t.same(await rows(db, sql`select a.external_id as follower from follows f join accounts a on a.id = f.follower_id join accounts b on b.id = f.followee_id
    where a.workspace_id = ${w2} and b.workspace_id = ${w2}`), [{ follower: 'carol' }], 'follows join copies of one workspace')
  t.same(await rows(db, sql`select s.workspace_id = ${w1} and t.workspace_id = ${w1} and p.workspace_id = ${w1} as mine from interactions i
    join accounts s on s.id = i.source_id join accounts t on t.id = i.target_id join posts p on p.id = i.post_id`), [{ mine: true }], 'the reply edge is the first workspace\'s')
  t.same(await rows(db, sql`select a.workspace_id as owner from scores s join accounts a on a.id = s.account_id`), [{ owner: w1 }], 'scores point at the scoring workspace\'s copy')
  t.same(await rows(db, sql`select a.workspace_id as owner from imported_accounts i join accounts a on a.id = i.account_id`), [{ owner: w2 }])
  t.same(await rows(db, sql`select kind from collection_checkpoints`), [], 'follow-list checkpoints naming old account ids are dropped')

  const back = await migrator.migrateTo(BEFORE)
  t.equal(back.error, undefined, 'down() ran')
  t.same((await rows<{ external_id: string }>(db, sql`select external_id from accounts order by 1`)).map((r) => r.external_id), ['alice', 'bob', 'carol'], 'one shared row per account again')
  t.same(await rows(db, sql`select count(*)::int as n from topic_posts tp join posts p on p.id = tp.post_id where p.external_id = 'p1'`), [{ n: 2 }], 'both topics match the one shared p1')
})
