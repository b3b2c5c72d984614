import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// Live collection from Mastodon. An instance's stream has no replay, so the reader keeps, per
// hashtag, the newest status it stored (`checkpoint`, tag → status id) and pages the tag timelines
// from there on every connection. `last_error`: why the stream of the source cannot be read now
// (no user token, refused, unreachable), cleared once it is read again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table stream_leases add column checkpoint jsonb;
    alter table stream_leases add column last_error text check (length(last_error) <= 1000);
    alter table stream_leases add column last_error_at timestamptz
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table stream_leases drop column last_error_at;
    alter table stream_leases drop column last_error;
    alter table stream_leases drop column checkpoint
  `)
}
