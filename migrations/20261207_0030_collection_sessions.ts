import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// One network session per source (a Bluesky token pair, a Reddit app token), sealed at rest, so
// runs, processes and instances reuse it instead of logging in again; and the times of the
// source's recent logins, counted against the network's documented login limits.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    create table source_sessions (
      source_id uuid primary key references sources(id) on delete cascade,
      sealed text,
      logins timestamptz[] not null default '{}',
      updated_at timestamptz not null default now()
    );
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `drop table source_sessions;`)
}
