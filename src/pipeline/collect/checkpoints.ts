import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { Checkpoint } from '../networks/connector.ts'
import type { SearchSpec } from '../query/search-spec.ts'
import type { Db } from '../../platform/db/db-handle.ts'


/** A stable name for one search of a topic, under which its checkpoint is kept. */
export function searchKind(spec: SearchSpec): string {
  return spec.kind === 'hashtag'
    ? `search:hashtag:${spec.tag}`
    : `search:query:${JSON.stringify([spec.q, spec.lang ?? null, spec.tags ?? []])}`
}

export async function loadCheckpoint(db: Db, topicId: string, sourceKey: string, kind: string): Promise<Checkpoint | null> {
  const row = await db
    .selectFrom('collection_checkpoints')
    .select('cursor')
    .where('topic_id', '=', topicId)
    .where('source_key', '=', sourceKey)
    .where('kind', '=', kind)
    .executeTakeFirst()
  return row?.cursor ?? null
}

/** Saved in the transaction of the page it follows: a crash loses the page and its checkpoint together. */
export async function saveCheckpoint(trx: Transaction<DB>, topicId: string, sourceKey: string, kind: string, cursor: Checkpoint): Promise<void> {
  await sql`
    insert into collection_checkpoints (topic_id, source_key, kind, cursor, updated_at)
    values (${topicId}, ${sourceKey}, ${kind}, ${JSON.stringify(cursor)}::jsonb, now())
    on conflict (topic_id, source_key, kind) do update set cursor = excluded.cursor, updated_at = now()`.execute(trx)
}
