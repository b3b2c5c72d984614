import type { Kysely } from 'kysely'
import type { DB } from '../../../src/platform/db/schema.ts'
import { importRecords } from '../../../src/pipeline/interchange/index.ts'
import { generatePlantedRoles, type PlantedRoles, type PlantedRolesOptions } from './generate.ts'

/**
 * A topic on the planted block model in the workspace, its records brought in through the NDJSON
 * import (as any outside file would be), the brand's account as the topic's own. `arrange` may
 * reorder the records (the same network stored in another order).
 */
export async function importPlantedRoles(
  db: Kysely<DB>, workspaceId: string, options: PlantedRolesOptions,
  arrange: (records: Record<string, unknown>[]) => Record<string, unknown>[] = (records) => records,
): Promise<PlantedRoles & { topicId: string }> {
  const planted = generatePlantedRoles(options)
  const topic = await db
    .insertInto('topics')
    .values({ workspace_id: workspaceId, name: 'Vélo (planted blocks)', query: planted.query, own_accounts: { [planted.brand.network]: [planted.brand.handle] } })
    .returning('id')
    .executeTakeFirstOrThrow()
  const lines = (async function* () { for (const r of arrange(planted.records)) yield `${JSON.stringify({ type: r.type, ...r })}\n` })()
  const stats = await importRecords(db, workspaceId, lines)
  if (stats.skipped > 0) throw new Error(`the planted file had ${stats.skipped} refused lines`)
  return { ...planted, topicId: topic.id }
}
