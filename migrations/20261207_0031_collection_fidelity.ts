import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// Engagement readings: every refresh of a matched post's counts is kept with its time, so a post
// taking off (counts rising between readings) can be told from one that is not; the posts row
// keeps the latest counts. The index serves "oldest reading first" for the refresh pass.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    create table post_engagement_readings (
      post_id bigint not null references posts(id) on delete cascade,
      read_at timestamptz not null,
      likes integer not null,
      reposts integer not null,
      replies integer not null,
      quotes integer not null,
      primary key (post_id, read_at)
    );
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `drop table post_engagement_readings;`)
}
