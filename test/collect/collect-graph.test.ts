import t from 'tap'
import { sql } from 'kysely'
import { localJobs as createJobs } from '../helpers/local-network.ts'
import { createCollectGraphJob } from '../../jobs/collect-graph.ts'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import { generateSandbox, startSandboxServer } from '../../src/simulation/sandbox/index.ts'
import { connectorFor } from '../../src/tenancy/sources/connector-factory.ts'
import { LOCAL_FAKES } from '../helpers/local-network.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { addSandboxSources } from '../helpers/sandbox-sources.ts'

const silent: Logger = { info() {}, warn() {}, error() {} }
// Sandbox time is now: the jobs look at the last 30 days.
const data = generateSandbox({ seed: 'graph-e2e', accounts: 300, days: 5, now: new Date() })

t.test('collect-graph walks follow lists within its request budget, most relevant accounts first, and resumes', async (t) => {
  const sandbox = await startSandboxServer({ data })
  t.teardown(() => sandbox.close())
  const { db } = await openTestDatabase(t)
  const { id: workspaceId } = await createWorkspace(db, 'Graph')
  await addSandboxSources(db, workspaceId, sandbox)
  const topic = await db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Vélo', query: '#velo OR #mobilite' }).returning('id').executeTakeFirstOrThrow()
  const jobs = createJobs()
  t.equal((await runJob({ db, log: silent }, jobs.get('collect-mentions')!, { topicId: topic.id }, { trigger: 'manual' })).status, 'succeeded')

  const budgeted = createCollectGraphJob({ connect: (s) => connectorFor(s, { addressPolicy: LOCAL_FAKES }), requestBudget: 7, maxPagesPerList: 2 })
  const first = await runJob({ db, log: silent }, budgeted, { topicId: topic.id }, { trigger: 'manual' })
  t.equal(first.status, 'succeeded', JSON.stringify(first))
  const stats = (first as unknown as { stats: { requests: number; accounts: number; follows: number } }).stats
  t.equal(stats.requests, 7, 'the run spends its budget exactly')
  t.ok(stats.follows > 0, `${stats.follows} follow edges stored`)
  const collected = await db.selectFrom('accounts').select(['id']).where('graph_collected_at', 'is not', null).execute()
  t.ok(collected.length >= 1 && collected.length <= 4, `${collected.length} accounts done with 7 requests (2 lists each)`)

  const mostActive = await sql<{ author_id: number }>`
    select p.author_id from topic_posts tp join posts p on p.id = tp.post_id where tp.topic_id = ${topic.id}
    group by p.author_id order by count(*) desc, p.author_id limit 1`.execute(db)
  t.ok(collected.some((c) => c.id === mostActive.rows[0].author_id), 'the most active author is among the first collected')

  const pending = await db.selectFrom('collection_checkpoints').select(['kind', 'cursor']).where('topic_id', '=', topic.id).where('kind', 'like', 'follow%').execute()
  t.ok(pending.length >= 1, 'a list cut by the budget keeps its cursor for the next run')

  const second = await runJob({ db, log: silent }, budgeted, { topicId: topic.id }, { trigger: 'manual' })
  t.equal(second.status, 'succeeded')
  const after = await db.selectFrom('accounts').select(['id']).where('graph_collected_at', 'is not', null).execute()
  t.ok(after.length > collected.length, 'the next run goes on with other accounts')
  t.ok(collected.every((c) => after.some((a) => a.id === c.id)))
})
