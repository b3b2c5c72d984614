import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// Live collection. `stream_leases`: which process reads a source's stream (so two never read the
// same one) and where the stream was read up to: the cursor is written in the transaction of the
// batch it follows. `stream_gaps`: spans of a stream that were not read (the instance no longer
// kept them) and must be collected another way.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    create table stream_leases (
      source_id uuid primary key references sources(id) on delete cascade,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      holder text not null check (length(holder) <= 200),
      expires_at timestamptz not null,
      cursor_us bigint,
      instance_url text check (length(instance_url) <= 2000),
      updated_at timestamptz not null default now()
    );
    create table stream_gaps (
      id bigint generated always as identity primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      source_id uuid not null references sources(id) on delete cascade,
      from_us bigint not null,
      to_us bigint not null check (to_us > from_us),
      status text not null default 'needs_backfill' check (status in ('needs_backfill', 'filled')),
      detected_at timestamptz not null default date_trunc('milliseconds', now())
    );
    create index stream_gaps_source on stream_gaps (source_id, detected_at)
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    drop table stream_gaps;
    drop table stream_leases
  `)
}
