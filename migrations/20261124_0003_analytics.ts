import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// Analytics answer 304 until a topic's data changes; its version reads the latest match time,
// which this index makes a lookup instead of a scan of the topic's posts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    create index topic_posts_matched on topic_posts (topic_id, matched_at);
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `drop index topic_posts_matched;`)
}
