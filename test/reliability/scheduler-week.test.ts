// Two instances running the scheduler for a simulated week: every fire of every job's default
// schedule is offered to both at once, as node-cron does in each of them, through the claim
// coordinator the scheduler gives node-cron; an instance whose claim is granted runs the
// scheduler's own fire (one run per workspace). Each fire must run once,
// in one instance, for each workspace: none twice, none missed.
import t from 'tap'
import cron from 'node-cron'
import { localJobs as createJobs } from '../helpers/local-network.ts'
import type { Job, JobScope } from '../../src/tenancy/job-runs/job.ts'
import { claimCoordinator, runFire } from '../../jobs/scheduler.ts'
import { openDatabase, type Database } from '../../src/platform/db/database.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { seededRandom } from '../fakes/fault-injection.ts'
import { fileDatabase } from '../helpers/app.ts'

const silent = { info() {}, warn() {}, error() {} }
const MINUTE = 60_000
const WEEK_MINUTES = 7 * 24 * 60

/** Every fire of a cron expression (UTC) in the week starting at `start`. */
function firesOfWeek(expression: string, start: Date): Date[] {
  const task = cron.createTask(expression, () => {}, { timezone: 'UTC' })
  const fires: Date[] = []
  for (let m = 0; m < WEEK_MINUTES; m++) {
    const at = new Date(start.getTime() + m * MINUTE)
    if (task.match(at)) fires.push(at)
  }
  void task.destroy()
  return fires
}

t.test('two instances with schedulers for a week of fires: every fire ran once', async (t) => {
  const database = await fileDatabase()
  // A second instance has connections of its own on a server; the embedded database is one process.
  const url = (database as Database & { url?: string }).url
  const other: Database = url ? await openDatabase({ url, dataDir: ':memory:', command: 'test', poolSize: 5 }) : database
  if (other !== database) t.teardown(() => other.close())
  const workspaces = [(await createWorkspace(database.db, 'Week')).id]

  // The real jobs' names and schedules; each run only records that it happened.
  const ran = new Map<string, number>()
  const jobs: Job[] = [...createJobs().values()].map((job) => ({
    ...job,
    run: async (_ctx, scope: JobScope) => {
      const key = `${job.name} ${scope.workspaceId}`
      ran.set(key, (ran.get(key) ?? 0) + 1)
      return {}
    },
  }))

  // The coming week (the coordinator forgets claims older than 30 days, so it is in the future).
  const start = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 86_400_000)
  const fires = new Map(jobs.map((job) => [job.name, firesOfWeek(job.defaultSchedule, start)]))
  const instances = [
    { name: 'instance-a', db: database.db, coordinator: claimCoordinator(database.db, 'instance-a'), fires: 0 },
    { name: 'instance-b', db: other.db, coordinator: claimCoordinator(other.db, 'instance-b'), fires: 0 },
  ]

  // Which instance asks first varies (an embedded database answers one query at a time, in order).
  const random = seededRandom(7)
  const byMinute = new Map<number, { job: Job; at: Date }[]>()
  for (const job of jobs) for (const at of fires.get(job.name)!) byMinute.set(at.getTime(), [...(byMinute.get(at.getTime()) ?? []), { job, at }])
  for (const minute of [...byMinute.keys()].sort((a, b) => a - b)) {
    // At each minute, every job due fires in both instances at the same moment.
    await Promise.all(byMinute.get(minute)!.flatMap(({ job, at }) => (random() < 0.5 ? instances : [...instances].reverse()).map(async (instance) => {
      // The key node-cron hands the coordinator: "<task name>:<fire time>"; the task is named "<job>|<scope>".
      if (!(await instance.coordinator.shouldRun(`${job.name}|*:${at.toISOString()}`))) return
      instance.fires++
      await runFire({ db: instance.db, log: silent }, job, {}, at, new AbortController().signal)
    })))
  }

  const totalFires = [...fires.values()].reduce((sum, list) => sum + list.length, 0)
  t.comment(`${totalFires} fires in the week (${[...fires].map(([name, list]) => `${name} ${list.length}`).join(', ')}), ${instances.map((i) => `${i.name} ran ${i.fires}`).join(', ')}`)
  t.equal(instances[0].fires + instances[1].fires, totalFires, 'each fire was taken by exactly one instance')
  t.ok(instances.every((i) => i.fires > 0), 'both instances took fires')
  for (const job of jobs) {
    for (const workspaceId of workspaces) t.equal(ran.get(`${job.name} ${workspaceId}`), fires.get(job.name)!.length, `${job.name}: one run per fire for the workspace`)
  }

  const rows = await database.db.selectFrom('job_runs').select(['job', 'workspace_id', 'scheduled_for', 'status'])
    .where('trigger', '=', 'schedule').where('workspace_id', 'in', workspaces).execute()
  const recorded = new Map<string, number>()
  for (const row of rows) {
    const key = `${row.job} ${row.workspace_id} ${row.scheduled_for?.toISOString()}`
    recorded.set(key, (recorded.get(key) ?? 0) + 1)
  }
  const expected = jobs.flatMap((job) => fires.get(job.name)!.flatMap((at) => workspaces.map((w) => `${job.name} ${w} ${at.toISOString()}`)))
  t.same([...recorded.keys()].sort(), expected.sort(), 'job_runs holds a run for every fire and workspace, and no other')
  t.same([...recorded.values()].filter((n) => n !== 1), [], 'and never two')
  t.same(rows.filter((r) => r.status !== 'succeeded'), [], 'every run succeeded')
})
