import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// Filling a stream's gaps through search: how far the fill went (which searches are done, the
// cursor of the one under way, committed with each page), the posts it stored, when it finished,
// and why it cannot go on (no login for search), shown to the workspace.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table stream_gaps
      add column progress jsonb not null default '{}' check (jsonb_typeof(progress) = 'object'),
      add column posts integer not null default 0,
      add column filled_at timestamptz,
      add column note text check (length(note) <= 1000);
    create index stream_gaps_open on stream_gaps (source_id, id) where status = 'needs_backfill'
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    drop index stream_gaps_open;
    alter table stream_gaps drop column progress, drop column posts, drop column filled_at, drop column note
  `)
}
