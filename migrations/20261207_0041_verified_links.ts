import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// Links a network itself verified as the account owner's own (Mastodon profile fields checked with
// rel=me): a JSON array of URLs, null when the network has not said. The scoring reads them to link
// one person's accounts across networks.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table accounts add column verified_links jsonb check (verified_links is null or jsonb_typeof(verified_links) = 'array')
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table accounts drop column verified_links
  `)
}
