import { sql, type Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// Provenance: collected content is owned by the workspace whose sources (or imports) observed it.
// Accounts and posts were shared (unique per network and external id), so a tenant's own server,
// serving the same ids, could rename another tenant's accounts, change their counts and add
// follows to their graph. Now each workspace holds its own copy, unique per (workspace, network,
// external id); follows and interactions join accounts and posts of one workspace, so they are
// owned through them. See docs/architecture.md, "Provenance".
//
// Rows stored before are copied to every workspace that sees them (its topics' matches, its
// imports, its scores, the interactions of those posts), then the shared originals go. Who
// observed an old row first cannot be known any more: each copy starts from the shared values,
// and the workspace's next collection refreshes them from its own sources.
//
// The index on handles stays (network, lower(handle)): a handle lookup finds the few copies of
// that handle, one per workspace holding it, and a workspace filter keeps its own.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table accounts add column workspace_id uuid;
    alter table posts add column workspace_id uuid;
    alter table accounts drop constraint accounts_network_external_id_key;
    alter table posts drop constraint posts_network_external_id_key;
    drop index posts_reply_to;
    drop index posts_repost_of;
    drop index posts_quote_of;
  `)
  const workspaces = await sql<{ id: string }>`select id from workspaces order by created_at, id`.execute(db)
  const anyContent = await sql<{ n: number }>`select count(*)::int as n from accounts`.execute(db)
  if (anyContent.rows[0].n > 0) for (const { id } of workspaces.rows) await copyForWorkspace(db, id)
  await runStatements(db, `
    delete from interactions where post_id in (select id from posts where workspace_id is null)
      or source_id in (select id from accounts where workspace_id is null)
      or target_id in (select id from accounts where workspace_id is null);
    delete from topic_posts where post_id in (select id from posts where workspace_id is null);
    delete from posts where workspace_id is null;
    delete from accounts where workspace_id is null;
    delete from collection_checkpoints where kind like 'followers:%' or kind like 'following:%';
    alter table accounts alter column workspace_id set not null;
    alter table posts alter column workspace_id set not null;
    alter table accounts add constraint accounts_workspace_network_external_id_key unique (workspace_id, network, external_id);
    alter table posts add constraint posts_workspace_network_external_id_key unique (workspace_id, network, external_id);
    create index posts_reply_to on posts (workspace_id, network, reply_to_external_id) where reply_to_external_id is not null;
    create index posts_repost_of on posts (workspace_id, network, repost_of_external_id) where repost_of_external_id is not null;
    create index posts_quote_of on posts (workspace_id, network, quote_of_external_id) where quote_of_external_id is not null;
  `)
}

/** Copies the shared rows one workspace sees into rows it owns, and points its references at them. */
async function copyForWorkspace(db: Kysely<unknown>, w: string): Promise<void> {
  // The id is written into the block of statements below: only a well-formed uuid gets there.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(w)) throw new Error(`unexpected workspace id ${w}`)
  const topics = sql`(select id from topics where workspace_id = ${w})`
  const seenPosts = sql`(select post_id from topic_posts where topic_id in ${topics} union select post_id from imported_posts where workspace_id = ${w})`
  await sql`create temp table seen_posts as select p.id from posts p where p.workspace_id is null and p.id in ${seenPosts}`.execute(db)
  await sql`
    insert into accounts (workspace_id, network, external_id, handle, display_name, bio, url, followers_count, following_count, posts_count, first_seen_at, last_seen_at, graph_collected_at)
    select ${w}::uuid, a.network, a.external_id, a.handle, a.display_name, a.bio, a.url, a.followers_count, a.following_count, a.posts_count, a.first_seen_at, a.last_seen_at, a.graph_collected_at
    from accounts a where a.workspace_id is null and a.id in (
      select author_id from posts where id in (select id from seen_posts)
      union select source_id from interactions where post_id in (select id from seen_posts)
      union select target_id from interactions where post_id in (select id from seen_posts)
      union select account_id from imported_accounts where workspace_id = ${w}
      union select follower_id from imported_follows where workspace_id = ${w}
      union select followee_id from imported_follows where workspace_id = ${w}
      union select s.account_id from scores s join score_runs r on r.id = s.run_id where r.topic_id in ${topics})`.execute(db)
  await sql`create temp table map_accounts as select o.id as old_id, n.id as new_id from accounts n
    join accounts o on o.workspace_id is null and o.network = n.network and o.external_id = n.external_id where n.workspace_id = ${w}`.execute(db)
  await sql`
    insert into posts (workspace_id, network, external_id, author_id, created_at, text, lang, url, reply_to_external_id, repost_of_external_id, quote_of_external_id,
      likes, reposts, replies, quotes, hashtags, mentions, links, sentiment, is_question, search_config, collected_at, updated_at)
    select ${w}::uuid, p.network, p.external_id, m.new_id, p.created_at, p.text, p.lang, p.url, p.reply_to_external_id, p.repost_of_external_id, p.quote_of_external_id,
      p.likes, p.reposts, p.replies, p.quotes, p.hashtags, p.mentions, p.links, p.sentiment, p.is_question, p.search_config, p.collected_at, p.updated_at
    from posts p left join map_accounts m on m.old_id = p.author_id where p.id in (select id from seen_posts)`.execute(db)
  await sql`create temp table map_posts as select o.id as old_id, n.id as new_id from posts n
    join posts o on o.workspace_id is null and o.network = n.network and o.external_id = n.external_id where n.workspace_id = ${w}`.execute(db)
  await runStatements(db, `
    insert into follows (network, follower_id, followee_id, first_seen_at, last_seen_at)
    select f.network, a.new_id, b.new_id, f.first_seen_at, f.last_seen_at from follows f
    join map_accounts a on a.old_id = f.follower_id join map_accounts b on b.old_id = f.followee_id;
    insert into interactions (network, kind, source_id, target_id, post_id, occurred_at, weight)
    select i.network, i.kind, s.new_id, t.new_id, p.new_id, i.occurred_at, i.weight from interactions i
    join map_posts p on p.old_id = i.post_id join map_accounts s on s.old_id = i.source_id join map_accounts t on t.old_id = i.target_id;
    update imported_accounts x set account_id = m.new_id from map_accounts m where x.account_id = m.old_id and x.workspace_id = '${w}';
    update imported_follows x set follower_id = m.new_id from map_accounts m where x.follower_id = m.old_id and x.workspace_id = '${w}';
    update imported_follows x set followee_id = m.new_id from map_accounts m where x.followee_id = m.old_id and x.workspace_id = '${w}';
    update imported_posts x set post_id = m.new_id from map_posts m where x.post_id = m.old_id and x.workspace_id = '${w}';
    update topic_posts x set post_id = m.new_id from map_posts m where x.post_id = m.old_id and x.topic_id in (select id from topics where workspace_id = '${w}');
    update scores x set account_id = m.new_id from map_accounts m where x.account_id = m.old_id
      and x.run_id in (select r.id from score_runs r join topics t on t.id = r.topic_id where t.workspace_id = '${w}');
    drop table seen_posts, map_accounts, map_posts;
  `)
}

// Back to shared rows: the lowest id of each (network, external id) stays and takes the others'
// references; what two workspaces observed differently keeps that row's values.
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    create temp table keep_accounts as select id, min(id) over (partition by network, external_id) as keep from accounts;
    create temp table keep_posts as select id, min(id) over (partition by network, external_id) as keep from posts;
    update posts x set author_id = k.keep from keep_accounts k where x.author_id = k.id and k.id <> k.keep;
    insert into follows (network, follower_id, followee_id, first_seen_at, last_seen_at)
    select f.network, a.keep, b.keep, min(f.first_seen_at), max(f.last_seen_at) from follows f
    join keep_accounts a on a.id = f.follower_id join keep_accounts b on b.id = f.followee_id
    where (a.id <> a.keep or b.id <> b.keep) and a.keep <> b.keep group by f.network, a.keep, b.keep
    on conflict (follower_id, followee_id) do nothing;
    insert into interactions (network, kind, source_id, target_id, post_id, occurred_at, weight)
    select i.network, i.kind, s.keep, t.keep, p.keep, i.occurred_at, i.weight from interactions i
    join keep_posts p on p.id = i.post_id join keep_accounts s on s.id = i.source_id join keep_accounts t on t.id = i.target_id
    where (p.id <> p.keep or s.id <> s.keep or t.id <> t.keep) and s.keep <> t.keep
    on conflict (post_id, kind, target_id) do nothing;
    delete from interactions where post_id in (select id from keep_posts where id <> keep);
    insert into topic_posts (topic_id, post_id, post_created_at, matched_at, matched_terms, handled_at)
    select tp.topic_id, k.keep, tp.post_created_at, tp.matched_at, tp.matched_terms, tp.handled_at from topic_posts tp join keep_posts k on k.id = tp.post_id where k.id <> k.keep
    on conflict (topic_id, post_id) do nothing;
    delete from topic_posts where post_id in (select id from keep_posts where id <> keep);
    insert into imported_posts (workspace_id, post_id, lang_given, imported_at)
    select x.workspace_id, k.keep, x.lang_given, x.imported_at from imported_posts x join keep_posts k on k.id = x.post_id where k.id <> k.keep
    on conflict do nothing;
    insert into imported_accounts (workspace_id, account_id, imported_at)
    select x.workspace_id, k.keep, x.imported_at from imported_accounts x join keep_accounts k on k.id = x.account_id where k.id <> k.keep
    on conflict do nothing;
    update scores x set account_id = k.keep from keep_accounts k where x.account_id = k.id and k.id <> k.keep;
    delete from posts where id in (select id from keep_posts where id <> keep);
    delete from accounts where id in (select id from keep_accounts where id <> keep);
    drop table keep_accounts, keep_posts;
    drop index posts_reply_to;
    drop index posts_repost_of;
    drop index posts_quote_of;
    alter table accounts drop constraint accounts_workspace_network_external_id_key;
    alter table posts drop constraint posts_workspace_network_external_id_key;
    alter table accounts drop column workspace_id;
    alter table posts drop column workspace_id;
    alter table accounts add constraint accounts_network_external_id_key unique (network, external_id);
    alter table posts add constraint posts_network_external_id_key unique (network, external_id);
    create index posts_reply_to on posts (network, reply_to_external_id) where reply_to_external_id is not null;
    create index posts_repost_of on posts (network, repost_of_external_id) where repost_of_external_id is not null;
    create index posts_quote_of on posts (network, quote_of_external_id) where quote_of_external_id is not null;
  `)
}
