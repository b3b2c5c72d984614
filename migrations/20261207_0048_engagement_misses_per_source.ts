import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// A failed engagement re-read is a fact about the source that tried it, not about the post: one
// Mastodon instance may have lost a status (deleted there, its author suspended or blocked there,
// made private to it) that another instance, or another Bluesky or X source of the workspace,
// still serves. Keyed by post only, one source's failures took the post out of the refresh line
// of every source on its network, and one source's success wiped the count of another that keeps
// failing. The misses are now kept per (post, source).
//
// Rows kept before this do not say which source failed. Where the post's workspace has a single
// source on the post's network, that source is the one: the row is moved to it. Where it has
// several, the row is dropped rather than guessed: each source tries the post again and, failing
// MAX_ENGAGEMENT_MISSES times (src/pipeline/collect/posts-to-refresh.ts), leaves it on its own;
// guessing wrong would keep a readable post out of a source's line for good.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table post_engagement_misses add column source_id uuid references sources(id) on delete cascade;
    update post_engagement_misses m set source_id = s.id
    from posts p, sources s
    where p.id = m.post_id and s.workspace_id = p.workspace_id and s.network = p.network
      and (select count(*) from sources o where o.workspace_id = p.workspace_id and o.network = p.network) = 1;
    delete from post_engagement_misses where source_id is null;
    alter table post_engagement_misses alter column source_id set not null;
    alter table post_engagement_misses drop constraint post_engagement_misses_pkey;
    alter table post_engagement_misses add primary key (post_id, source_id);
    create index post_engagement_misses_source on post_engagement_misses (source_id)
  `)
}

// Back to one row per post: the most failures any source had, at its latest.
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    delete from post_engagement_misses m using post_engagement_misses o
    where o.post_id = m.post_id and (o.misses, o.missed_at, o.source_id) > (m.misses, m.missed_at, m.source_id);
    drop index post_engagement_misses_source;
    alter table post_engagement_misses drop constraint post_engagement_misses_pkey;
    alter table post_engagement_misses drop column source_id;
    alter table post_engagement_misses add primary key (post_id)
  `)
}
