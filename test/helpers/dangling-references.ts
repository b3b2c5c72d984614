// The references ingest keeps without foreign keys (migration 0008): each one that points at no
// row, described; an empty list when the database is whole.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'

export async function danglingReferences(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ reference: string }>`
    select 'posts.author_id ' || p.author_id as reference from posts p
      where p.author_id is not null and not exists (select 1 from accounts a where a.id = p.author_id)
    union all
    select 'topic_posts.post_id ' || tp.post_id from topic_posts tp where not exists (select 1 from posts p where p.id = tp.post_id)
    union all
    select 'interactions.source_id ' || i.source_id from interactions i where not exists (select 1 from accounts a where a.id = i.source_id)
    union all
    select 'interactions.target_id ' || i.target_id from interactions i where not exists (select 1 from accounts a where a.id = i.target_id)
    union all
    select 'interactions.post_id ' || i.post_id from interactions i where not exists (select 1 from posts p where p.id = i.post_id)`.execute(db)
  return rows.map((r) => r.reference)
}
