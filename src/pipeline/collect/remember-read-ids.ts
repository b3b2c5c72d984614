import { sql, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { jsonRows } from '../../platform/db/json-rows.ts'
import type { NormalizedPost } from '../networks/model.ts'

/**
 * Keeps, for the posts of a page that carry one, the id this source reads them back by (a Mastodon
 * status's local id), in the same transaction as the page. Only the workspace's own posts.
 */
export async function rememberReadIds(trx: Transaction<DB>, workspaceId: string, sourceId: string, posts: readonly NormalizedPost[]): Promise<void> {
  const rows = posts.flatMap((p) => (p.readId !== undefined && p.readId.length <= 200 ? [{ network: p.network, external_id: p.externalId, read_id: p.readId }] : []))
  if (rows.length === 0) return
  const values = jsonRows(rows, 'network text, external_id text, read_id text')
  await sql`
    insert into post_read_ids (post_id, source_id, workspace_id, read_id)
    select p.id, ${sourceId}::uuid, p.workspace_id, r.read_id from ${values}
    join posts p on p.workspace_id = ${workspaceId} and p.network = r.network and p.external_id = r.external_id
    on conflict (post_id, source_id) do update set read_id = excluded.read_id`.execute(trx)
}
