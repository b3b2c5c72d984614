import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// Quotas the operator sets per workspace (`relais workspace quotas`), over the defaults in
// src/tenancy/workspaces/quotas.ts. A column of their own, not in `settings`: a workspace admin edits
// settings, and must not raise their own quotas.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table workspaces add column quotas jsonb not null default '{}';
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table workspaces drop column quotas;
  `)
}
