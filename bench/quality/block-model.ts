import type { Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { importPlantedRoles } from '../../test/helpers/planted-roles/load.ts'
import type { PlantedRolesOptions } from '../../test/helpers/planted-roles/generate.ts'
import { evaluate, type Truth } from './evaluate.ts'

/** The planted block model (test/helpers/planted-roles), imported as NDJSON, scored and measured. */
export async function measureBlockModel(db: Kysely<DB>, options: PlantedRolesOptions) {
  const { id } = await createWorkspace(db, `quality ${options.seed}`)
  const planted = await importPlantedRoles(db, id, options)
  const run = await scoreTopic(db, planted.topicId, { now: planted.now })
  const roles: Truth['roles'] = {}
  for (const role of ['hub', 'bridge', 'star', 'spammer']) roles[role] = new Set(planted.accounts.filter((a) => a.role === role).map((a) => a.handle))
  const community = new Map(planted.accounts.filter((a) => a.block >= 0).map((a) => [a.handle, String(a.block)]))
  return evaluate(db, run.runId, { roles, community })
}
