import { sql, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'

// What a workspace exports, decided once per export inside its snapshot and numbered in the file's
// order into temporary tables that the pages then walk by key. Every row read here is the
// workspace's own copy; of those, it exports what it imported itself plus what its topics see:
// - posts: imported ones, those matched by its topics and the reposts of those (`repostOf`);
// - accounts: imported ones, the authors of its topics' posts and of their reposts, the accounts those posts reply
//   to, repost, quote or mention (the interactions ingest derived from them);
// - follows: imported ones and every stored follow between two exported accounts.
// Order (byte order of the text, so both databases agree): accounts by network and id, posts by
// creation time then network and id, follows by network, follower id and followee id.

export async function selectExport(trx: Transaction<DB>, workspaceId: string): Promise<void> {
  const topicPosts = sql`select tp.post_id from topic_posts tp join topics t on t.id = tp.topic_id where t.workspace_id = ${workspaceId}`
  // Reposts of matched posts match no topic themselves, but they are the amplification.
  const repostsOfMatched = sql`select r.id, r.author_id from posts m join posts r on r.workspace_id = m.workspace_id and r.network = m.network and r.repost_of_external_id = m.external_id where m.id in (${topicPosts})`

  await sql`create temp table export_accounts (ord bigint primary key, account_id bigint not null unique) on commit drop`.execute(trx)
  await sql`
    insert into export_accounts (ord, account_id)
    select row_number() over (order by a.network collate "C", a.external_id collate "C"), a.id
    from accounts a
    where a.id in (
      select account_id from imported_accounts where workspace_id = ${workspaceId}
      union select p.author_id from posts p where p.id in (${topicPosts}) and p.author_id is not null
      union select i.target_id from interactions i where i.post_id in (${topicPosts})
      union select rm.author_id from (${repostsOfMatched}) rm where rm.author_id is not null
    )`.execute(trx)

  await sql`create temp table export_posts (ord bigint primary key, post_id bigint not null, lang_given boolean not null) on commit drop`.execute(trx)
  await sql`
    insert into export_posts (ord, post_id, lang_given)
    select row_number() over (order by p.created_at, p.network collate "C", p.external_id collate "C"), p.id, coalesce(ip.lang_given, true)
    from posts p
    left join imported_posts ip on ip.workspace_id = ${workspaceId} and ip.post_id = p.id
    where p.id in (select post_id from imported_posts where workspace_id = ${workspaceId} union ${topicPosts} union select rm.id from (${repostsOfMatched}) rm)`.execute(trx)

  await sql`create temp table export_follows (ord bigint primary key, follower_id bigint not null, followee_id bigint not null) on commit drop`.execute(trx)
  await sql`
    insert into export_follows (ord, follower_id, followee_id)
    select row_number() over (order by f.network collate "C", fa.external_id collate "C", fb.external_id collate "C"), f.follower_id, f.followee_id
    from follows f
    join accounts fa on fa.id = f.follower_id
    join accounts fb on fb.id = f.followee_id
    where (f.follower_id, f.followee_id) in (
      select follower_id, followee_id from imported_follows where workspace_id = ${workspaceId}
      union
      select g.follower_id, g.followee_id from follows g
      join export_accounts x on x.account_id = g.follower_id
      join export_accounts y on y.account_id = g.followee_id
    )`.execute(trx)
}
