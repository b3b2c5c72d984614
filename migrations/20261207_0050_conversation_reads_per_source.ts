import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// A conversation read that was not made is a fact about the source that tried it, not about the
// post: a Mastodon instance that has no id for a status (it cannot find it) makes no read, yet the
// post was marked read, and another Mastodon source of the workspace whose instance could read it
// never did. What the conversation pass read is now kept per (post, source), with the reads each
// source could not make (`replies_misses`, `reposts_misses`): a read through any source still
// counts for the post (the replies and reposters it collected are the workspace's), a read a source
// could not make counts only against that source, which leaves the post after
// MAX_CONVERSATION_MISSES of them (src/pipeline/collect/conversations-due.ts).
//
// Rows kept before this do not say which source read the post. Only a Mastodon read can be one
// that was not made; on any other network, or where the workspace has a single source on the
// post's network, the row is a read as it says and is moved to the workspace's first source on
// that network (which source does not change what is due: a read counts for the post). A
// Mastodon row in a workspace with several Mastodon sources may be a read that was not made: it
// is dropped, and the post read again once, within each run's budget.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table post_conversation_reads add column source_id uuid references sources(id) on delete cascade;
    alter table post_conversation_reads add column replies_misses integer not null default 0 check (replies_misses >= 0);
    alter table post_conversation_reads add column reposts_misses integer not null default 0 check (reposts_misses >= 0);
    update post_conversation_reads r set source_id = (
      select s.id from sources s where s.workspace_id = p.workspace_id and s.network = p.network order by s.created_at, s.id limit 1)
    from posts p
    where p.id = r.post_id
      and (p.network <> 'mastodon' or (select count(*) from sources o where o.workspace_id = p.workspace_id and o.network = p.network) = 1);
    delete from post_conversation_reads where source_id is null;
    alter table post_conversation_reads alter column source_id set not null;
    alter table post_conversation_reads drop constraint post_conversation_reads_pkey;
    alter table post_conversation_reads add primary key (post_id, source_id);
    create index post_conversation_reads_source on post_conversation_reads (source_id)
  `)
}

// Back to one row per post: the most any source read, at its latest; the reads not made are let go.
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    update post_conversation_reads r set replies_read = m.replies_read, reposts_read = m.reposts_read, read_at = m.read_at
    from (
      select post_id, max(replies_read) as replies_read, max(reposts_read) as reposts_read, max(read_at) as read_at
      from post_conversation_reads group by post_id
    ) m
    where m.post_id = r.post_id;
    delete from post_conversation_reads r using post_conversation_reads o where o.post_id = r.post_id and o.source_id > r.source_id;
    delete from post_conversation_reads where replies_read is null and reposts_read is null;
    drop index post_conversation_reads_source;
    alter table post_conversation_reads drop constraint post_conversation_reads_pkey;
    alter table post_conversation_reads drop column source_id;
    alter table post_conversation_reads drop column replies_misses;
    alter table post_conversation_reads drop column reposts_misses;
    alter table post_conversation_reads add primary key (post_id)
  `)
}
