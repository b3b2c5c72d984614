import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// How a post came to a topic: 'query' (it matches the topic's query) or 'own-account' (it
// mentions or answers one of the topic's own accounts without matching the query). On the
// topic's row, not the post's: the same post may match one topic's query and only name another
// topic's account.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table topic_posts add column via text not null default 'query' check (via in ('query', 'own-account'))
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table topic_posts drop column via
  `)
}
