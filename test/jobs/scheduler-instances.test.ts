import t from 'tap'
import { once } from 'node:events'
import { sql } from 'kysely'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { startCli } from '../helpers/run-cli.ts'

// Two processes sharing one PostgreSQL: only a server can be shared (the embedded database
// belongs to one process).
t.test('two relais serve instances run each scheduled fire exactly once', { skip: process.env.DATABASE_URL ? false : 'needs DATABASE_URL (a PostgreSQL server)' }, async (t) => {
  const database = await openTestDatabase(t)
  const { id: workspaceId } = await createWorkspace(database.db, 'Every two seconds')
  // The workspace's own schedule for the score job: every 2 seconds (node-cron takes seconds).
  await database.db.updateTable('workspaces').set({ settings: { schedules: { score: '*/2 * * * * *' } } }).where('id', '=', workspaceId).execute()

  const env = { DATABASE_URL: database.url, PORT: '0', SCHEDULER: 'on', LOG_LEVEL: 'warn' }
  const instances = [startCli(['serve'], env), startCli(['serve'], env)]
  t.teardown(() => instances.forEach((p) => p.kill('SIGKILL')))
  const outputs = instances.map((p) => {
    const out = { text: '' }
    p.stderr!.on('data', (d) => (out.text += d))
    return out
  })
  const deadline = Date.now() + 120_000
  while (!outputs.every((o) => /listening on/.test(o.text))) {
    if (Date.now() > deadline || instances.some((p) => p.exitCode !== null)) {
      t.fail(`instances did not start: ${outputs.map((o) => o.text).join('\n')}`)
      return
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  await new Promise((r) => setTimeout(r, 9_000))
  for (const p of instances) p.kill('SIGTERM')
  await Promise.all(instances.map((p) => once(p, 'exit')))

  const fires = await sql<{ scheduled_for: Date; runs: number }>`
    select scheduled_for, count(*)::int as runs from job_runs
    where job = 'score' and workspace_id = ${workspaceId} group by scheduled_for order by scheduled_for`.execute(database.db)
  t.ok(fires.rows.length >= 3, `${fires.rows.length} fires in 9 seconds`)
  t.ok(fires.rows.every((f) => f.runs === 1), `each fire ran once: ${fires.rows.map((f) => f.runs).join(', ')}`)
  const claims = await sql<{ by: string }>`select distinct claimed_by as by from job_claims where job = 'score'`.execute(database.db)
  t.ok(claims.rows.length >= 1, `claimed by ${claims.rows.map((c) => c.by).join(', ')}`)
  // A run in flight when the instances were told to stop ends 'cancelled'; none may fail.
  const failed = await database.db.selectFrom('job_runs').select(['status', 'error']).where('workspace_id', '=', workspaceId).where('status', 'not in', ['succeeded', 'cancelled']).execute()
  t.same(failed, [], 'no run failed')
})
