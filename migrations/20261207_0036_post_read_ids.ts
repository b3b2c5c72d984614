import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// The id a source's network reads a post back by, where it is not the post's external id: a
// Mastodon status is kept by its ActivityPub uri, but an instance reads it (engagement re-reads)
// only by its own local id, which differs from one instance to the next, hence per source.
// The workspace is the post's, carried on the row like every collected row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    create table post_read_ids (
      post_id bigint not null references posts(id) on delete cascade,
      source_id uuid not null references sources(id) on delete cascade,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      read_id text not null check (length(read_id) <= 200),
      primary key (post_id, source_id)
    );
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `drop table post_read_ids;`)
}
