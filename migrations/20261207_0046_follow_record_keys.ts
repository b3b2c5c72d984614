import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// Follows seen on a live stream. Bluesky's delete of a follow names only the follow record (its
// author's DID and the record key, `rkey`), not whom it followed, so the key is kept with the edge
// when the stream creates it; null for edges read from follow lists (the lists do not carry it).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table follows add column rkey text check (length(rkey) <= 512);
    create index follows_follower_rkey on follows (follower_id, rkey) where rkey is not null
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    drop index follows_follower_rkey;
    alter table follows drop column rkey
  `)
}
