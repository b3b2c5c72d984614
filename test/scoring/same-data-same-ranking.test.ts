import t from 'tap'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { importPlantedRoles } from '../helpers/planted-roles/load.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import type { Db } from '../../src/platform/db/db-handle.ts'

// A ranking is a function of what was collected, not of the order it was stored in: collection
// runs concurrently, so the same network reaches the database in another order (other row ids,
// other physical order) from one run to the next. Here one planted network is stored twice, the
// second time with its accounts and follows in reverse order, and scored at the same moment.
interface Ranked { handle: string; influence_rank: number; relay_rank: number; influence: number; relay: number; community: number }

async function ranking(db: Db, runId: number): Promise<Ranked[]> {
  return db.selectFrom('scores').innerJoin('accounts', 'accounts.id', 'scores.account_id')
    .select(['accounts.handle', 'scores.influence_rank', 'scores.relay_rank', 'scores.influence', 'scores.relay', 'scores.community'])
    .where('scores.run_id', '=', runId).orderBy('accounts.handle').execute() as Promise<Ranked[]>
}

const reversedOrder = (records: Record<string, unknown>[]) => {
  const of = (type: string) => records.filter((r) => r.type === type)
  return [...of('account').reverse(), ...records.filter((r) => r.type !== 'account' && r.type !== 'follow'), ...of('follow').reverse()]
}

t.test('the same network stored in another order ranks the same', async (t) => {
  const database = await openTestDatabase(t)
  const db = database.db
  const options = { seed: 3, networks: ['mastodon'], blocksPerNetwork: 3, blockSize: 50, pIn: 0.1 }
  const first = await importPlantedRoles(db, (await createWorkspace(db, 'stored once')).id, options)
  const second = await importPlantedRoles(db, (await createWorkspace(db, 'stored again')).id, options, reversedOrder)
  const a = await ranking(db, (await scoreTopic(db, first.topicId, { now: first.now })).runId)
  const b = await ranking(db, (await scoreTopic(db, second.topicId, { now: second.now })).runId)
  t.ok(a.length > 150, `${a.length} accounts ranked`)
  t.same(b.map((r) => r.handle), a.map((r) => r.handle), 'the same accounts')
  const byRank = (rows: Ranked[], key: 'influence_rank' | 'relay_rank') => [...rows].sort((x, y) => x[key] - y[key]).map((r) => r.handle)
  t.same(byRank(b, 'influence_rank'), byRank(a, 'influence_rank'), 'the same influencers in the same order')
  t.same(byRank(b, 'relay_rank'), byRank(a, 'relay_rank'), 'the same relays in the same order')
  t.same(b.map((r) => [r.influence, r.relay]), a.map((r) => [r.influence, r.relay]), 'the same scores')
  // Community numbers are labels: the same partition may be numbered otherwise.
  const partition = (rows: Ranked[]) => rows.map((r) => rows.findIndex((o) => o.community === r.community))
  t.same(partition(b), partition(a), 'the same communities')
  const again = await ranking(db, (await scoreTopic(db, first.topicId, { now: first.now })).runId)
  t.same(again, a, 'scoring the same rows again gives the same ranking')
})
