import type { Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'

/**
 * The workspace a topic belongs to, for tests that ingest straight into it: what is collected for
 * a topic is stored as its workspace's own rows (provenance, see docs/architecture.md).
 */
export async function topicWorkspace(db: Kysely<DB>, topicId: string): Promise<string> {
  const row = await db.selectFrom('topics').select('workspace_id').where('id', '=', topicId).executeTakeFirstOrThrow()
  return row.workspace_id
}
