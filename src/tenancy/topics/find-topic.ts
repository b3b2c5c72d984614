import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { OwnAccounts } from '../../platform/db/tables/topics.ts'
import { notFound } from '../../platform/shared/errors.ts'
import { isUuid } from '../../platform/shared/ids.ts'

export interface ScopedTopic { id: string; name: string; ownAccounts: OwnAccounts }

/**
 * The topic when it belongs to the workspace; otherwise "not found" (another workspace's topic
 * is indistinguishable from one that does not exist). Every analyst route starts here.
 */
export async function findTopic(db: Kysely<DB>, workspaceId: string, topicId: string): Promise<ScopedTopic> {
  if (!isUuid(topicId)) throw notFound('The topic')
  const row = await db.selectFrom('topics').select(['id', 'name', 'own_accounts']).where('workspace_id', '=', workspaceId).where('id', '=', topicId).executeTakeFirst()
  if (!row) throw notFound('The topic')
  return { id: row.id, name: row.name, ownAccounts: row.own_accounts }
}
