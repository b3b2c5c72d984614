import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// Each spike alert keeps the sample it was judged on: hours and mentions of its baseline, posts
// with a sentiment in the hour and in the baseline. Null on alerts stored before.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table alerts add column baseline_hours int, add column baseline_mentions int, add column rated int, add column baseline_rated int;
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table alerts drop column baseline_hours, drop column baseline_mentions, drop column rated, drop column baseline_rated;
  `)
}
