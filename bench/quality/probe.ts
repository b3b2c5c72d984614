import { openDatabase } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrator.ts'
import { scoreTopic } from '../../src/scoring/index.ts'
import { createWorkspace } from '../../src/workspaces/service.ts'
import { importPlantedRoles } from '../../test/helpers/planted-roles/load.ts'

const database = await openDatabase({ dataDir: ':memory:', command: 'probe' })
await migrateToLatest(database.db)
const { id } = await createWorkspace(database.db, 'probe')
const planted = await importPlantedRoles(database.db, id, { seed: Number(process.argv[2] ?? 1) })
const run = await scoreTopic(database.db, planted.topicId, { now: planted.now })
const rows = await database.db.selectFrom('scores').innerJoin('accounts', 'accounts.id', 'scores.account_id').select(['accounts.handle', 'influence', 'relay', 'influence_rank', 'relay_rank', 'prospect', 'community', 'components']).where('run_id', '=', run.runId).execute()
const role = (h: string) => planted.accounts.find((a) => a.handle === h)?.role
for (const key of ['influence_rank', 'relay_rank'] as const) {
  console.log(key, rows.sort((a, b) => a[key] - b[key]).slice(0, 20).map((r) => `${r[key]}:${role(r.handle)}:${key === 'influence_rank' ? r.influence : r.relay}`).join(' '))
}
console.log('prospects', rows.filter((r) => r.prospect).map((r) => role(r.handle)).join(' '))
console.log('coverage', run.coverage)
await database.close()
