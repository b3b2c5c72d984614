import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// 1. Engagement re-reads that found nothing: a post the network no longer gives (deleted, made
//    private, 404) has no reading, so "oldest reading first" put it at the head of the refresh line
//    on every run, where it took the budget from readable posts. Its failed reading is kept here:
//    it goes to the back of the line, and after a few failures in a row it leaves it (see
//    src/pipeline/collect/posts-to-refresh.ts). A successful reading removes the row.
// 2. Replies put on a topic because they sit under the brand's own post (read-conversations.ts)
//    were stored as if they matched the query ('query', no matched terms). They are marked as what
//    they are — in the conversation of one of the topic's own accounts, named in their matched
//    terms — as the collection now writes them: the nearest post up their reply chain (20 steps at
//    most) whose author is one of the topic's own accounts on that network.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    create table post_engagement_misses (
      post_id bigint primary key references posts(id) on delete cascade,
      misses integer not null check (misses > 0),
      missed_at timestamptz not null
    );
    with recursive unmatched as (
      select tp.topic_id, tp.post_id, p.workspace_id, p.network, p.reply_to_external_id as parent
      from topic_posts tp join posts p on p.id = tp.post_id
      where tp.via = 'query' and cardinality(tp.matched_terms) = 0 and p.reply_to_external_id is not null
    ), chain as (
      select u.topic_id, u.post_id, u.workspace_id, u.network, pp.id as ancestor_id, pp.author_id, pp.reply_to_external_id as parent, 1 as depth
      from unmatched u join posts pp on pp.workspace_id = u.workspace_id and pp.network = u.network and pp.external_id = u.parent
      union all
      select c.topic_id, c.post_id, c.workspace_id, c.network, pp.id, pp.author_id, pp.reply_to_external_id, c.depth + 1
      from chain c join posts pp on pp.workspace_id = c.workspace_id and pp.network = c.network and pp.external_id = c.parent
      where c.parent is not null and c.depth < 20
    ), brand as (
      select distinct on (c.topic_id, c.post_id) c.topic_id, c.post_id, '@' || lower(a.handle) as account
      from chain c join accounts a on a.id = c.author_id join topics t on t.id = c.topic_id
      where exists (
        select 1 from jsonb_array_elements_text(coalesce(t.own_accounts -> c.network, '[]'::jsonb)) own(handle)
        where lower(regexp_replace(trim(own.handle), '^@', '')) = lower(a.handle))
      order by c.topic_id, c.post_id, c.depth
    )
    update topic_posts tp set via = 'own-account', matched_terms = array[b.account]
    from brand b where tp.topic_id = b.topic_id and tp.post_id = b.post_id;
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    drop table post_engagement_misses;
  `)
}
