import cron, { type ScheduledTask } from 'node-cron'
import { sql, type Kysely } from 'kysely'
import { thisProcess } from '../src/platform/process/identity.ts'
import type { DB } from '../src/platform/db/schema.ts'
import { scopeKey, type Job, type JobScope } from '../src/tenancy/job-runs/job.ts'
import { executeRun, runJob, type RunDeps } from './run-job.ts'
import { claimQueuedRun } from '../src/tenancy/job-runs/run-queue.ts'

export interface SchedulerOptions extends RunDeps {
  jobs: readonly Job[]
  /** How often queued runs (asked for through the API) are looked for. */
  queuePollMs?: number
  /** Per workspace, cron expressions overriding jobs' default schedules (read at start). */
  overrides?: { workspaceId: string; schedules: Record<string, string> }[]
  /** Names this instance in claim rows. */
  instanceId?: string
  /** Workspaces one fire works on at once (COLLECT_CONCURRENCY, default 4). */
  concurrency?: number
}

export interface Scheduler {
  start(): void
  /** Stops firing, asks the runs in flight to finish their current unit of work, and waits for them. */
  stop(): Promise<void>
  /** Next fire of a job for a workspace (its own schedule, or the default one). */
  nextRun(job: string, workspaceId?: string): Date | null
}

/**
 * node-cron fires in every instance; Postgres decides who runs each fire: the first instance to
 * insert the (job, scope, fire time) claim row runs it, the others skip. Runs of the same job and
 * scope never overlap (see run-recorder). A workspace with its own schedule for a job gets a task
 * of its own, and the default task leaves it out.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const instanceId = options.instanceId ?? thisProcess()
  const abort = new AbortController()
  const inFlight = new Set<Promise<unknown>>()
  const tasks: { job: Job; scope: JobScope; task: ScheduledTask }[] = []

  const schedule = (job: Job, expression: string, scope: JobScope) => {
    const key = scopeKey(scope)
    const task = cron.createTask(
      expression,
      (context) => {
        // Only collection waits on remote servers; scoring and the rest run one workspace at a time
        // (each holds a topic graph and its threads in memory).
        const run = runFire(options, job, scope, context.date, abort.signal, job.name.startsWith('collect-') ? options.concurrency : 1)
        inFlight.add(run)
        return run.finally(() => inFlight.delete(run))
      },
      // The task name prefixes the claim key: job and scope, so each scope's fires are claimed apart.
      { name: `${job.name}|${key}`, timezone: 'UTC', noOverlap: true, distributed: true, runCoordinator: claimCoordinator(options.db, instanceId) },
    )
    tasks.push({ job, scope, task })
  }

  for (const job of options.jobs) {
    const own = (options.overrides ?? []).filter((o) => o.schedules[job.name] && o.schedules[job.name] !== job.defaultSchedule)
    schedule(job, job.defaultSchedule, own.length ? { excludeWorkspaces: own.map((o) => o.workspaceId) } : {})
    for (const o of own) schedule(job, o.schedules[job.name], { workspaceId: o.workspaceId })
  }

  const byName = new Map(options.jobs.map((j) => [j.name, j]))
  let poller: NodeJS.Timeout | null = null
  let polling = false
  const pollQueue = async () => {
    if (polling || abort.signal.aborted) return
    polling = true
    try {
      const claimed = await claimQueuedRun(options.db, byName)
      if (claimed) {
        const run = executeRun(options, claimed.job, claimed.scope, claimed.runId, { signal: abort.signal })
        inFlight.add(run)
        await run.finally(() => inFlight.delete(run))
      }
    } catch (error) {
      options.log.warn({ err: error }, 'could not take a queued job run')
    } finally {
      polling = false
    }
  }

  return {
    start() {
      for (const { task } of tasks) void task.start()
      poller = setInterval(() => void pollQueue(), options.queuePollMs ?? 3000)
      poller.unref()
    },
    async stop() {
      if (poller) clearInterval(poller)
      for (const { task } of tasks) await task.stop()
      abort.abort()
      await Promise.allSettled([...inFlight])
      for (const { task } of tasks) await task.destroy()
    },
    nextRun(name, workspaceId) {
      const own = tasks.find((t) => t.job.name === name && workspaceId !== undefined && t.scope.workspaceId === workspaceId)
      return (own ?? tasks.find((t) => t.job.name === name && !t.scope.workspaceId))?.task.getNextRun() ?? null
    },
  }
}

/**
 * One fire: a run per workspace in scope, so each workspace's run record (stats, errors) speaks
 * only of its own topics; up to `concurrency` at once, so a slow workspace (a source holding its
 * requests, bounded by that workspace's budget) does not hold the others back.
 */
export async function runFire(deps: RunDeps, job: Job, scope: JobScope, fireAt: Date, signal: AbortSignal, concurrency = 4): Promise<void> {
  let query = deps.db.selectFrom('workspaces').select('id').orderBy('created_at')
  if (scope.workspaceId) query = query.where('id', '=', scope.workspaceId)
  if (scope.excludeWorkspaces?.length) query = query.where('id', 'not in', scope.excludeWorkspaces)
  const queue = (await query.execute()).map((w) => w.id)
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined && !signal.aborted; id = queue.shift()) {
      await runJob(deps, job, { workspaceId: id }, { trigger: 'schedule', scheduledFor: fireAt, signal })
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker))
}

/** node-cron's run coordinator backed by a claim row per (job, scope, fire time). */
export function claimCoordinator(db: Kysely<DB>, instanceId: string) {
  return {
    async shouldRun(key: string): Promise<boolean> {
      // key = "<job>|<scope>:<fire time as toISOString(), 24 characters>"
      const fireAt = new Date(key.slice(-24))
      const [job, scope] = key.slice(0, -25).split('|')
      const claimed = await sql`
        insert into job_claims (job, scope, fire_at, claimed_by) values (${job}, ${scope}, ${fireAt}, ${instanceId})
        on conflict do nothing returning job`.execute(db)
      if (claimed.rows.length === 0) return false
      await sql`delete from job_claims where job = ${job} and fire_at < now() - interval '30 days'`.execute(db)
      return true
    },
  }
}
