import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// The process running a job (`host:pid`): a run whose process is gone from this host is closed at
// once by the next run, instead of blocking it until its heartbeat is stale.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `alter table job_runs add column runner text`)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `alter table job_runs drop column runner`)
}
