import type { Kysely } from 'kysely'
import type { DB } from '../src/platform/db/schema.ts'
import type { JobTrigger } from '../src/platform/db/tables/jobs.ts'
import type { Metrics } from '../src/platform/observability/metrics.ts'
import { scopeKey, type Job, type JobScope, type JobStats, type Logger, type Progress } from '../src/tenancy/job-runs/job.ts'
import { finishRunWhenReachable, heartbeat, HEARTBEAT_MS, startRun } from '../src/tenancy/job-runs/run-recorder.ts'

export interface RunDeps {
  db: Kysely<DB>
  log: Logger
  metrics?: Metrics
  /** The jobs' clock (the wall clock unless given): a run over simulated data reads the data's present. */
  now?: () => Date
}

export interface RunOptions {
  trigger: JobTrigger
  scheduledFor?: Date | null
  signal?: AbortSignal
  onProgress?: (progress: Progress) => void
  /** The workspace the run belongs to, for a topic scope (a workspace scope names it already). */
  workspaceId?: string
}

export type RunOutcome =
  | { status: 'skipped'; reason: string }
  | { status: 'succeeded' | 'failed' | 'cancelled'; runId: number; stats: JobStats; error?: string }

/** Runs a job once, recorded in job_runs; skipped when the same job and scope is running already. */
export async function runJob(deps: RunDeps, job: Job, scope: JobScope, options: RunOptions): Promise<RunOutcome> {
  const key = scopeKey(scope)
  const workspaceId = scope.workspaceId ?? options.workspaceId ?? null
  const runId = await startRun(deps.db, job.name, key, workspaceId, options.trigger, options.scheduledFor ?? null)
  if (runId === null) return { status: 'skipped', reason: `${job.name} (${key}) is already running` }
  return executeRun(deps, job, scope, runId, options)
}

/** Does the work of a run already recorded as 'running'; never throws for the job's own failure. */
export async function executeRun(deps: RunDeps, job: Job, scope: JobScope, runId: number, options: Pick<RunOptions, 'signal' | 'onProgress'>): Promise<RunOutcome> {
  const key = scopeKey(scope)
  const started = Date.now()
  let latest: Progress = { done: 0 }
  const beat = setInterval(() => {
    heartbeat(deps.db, runId, { progress: latest.done, ...(latest.total !== undefined && { total: latest.total }) }).catch(() => {})
  }, HEARTBEAT_MS)
  beat.unref()
  const signal = options.signal ?? new AbortController().signal
  const log = deps.log
  log.info({ job: job.name, scope: key, runId }, 'job started')
  let outcome: RunOutcome
  try {
    const progress = (p: Progress) => {
      latest = p
      options.onProgress?.(p)
    }
    const stats = await job.run({ db: deps.db, log, signal, now: deps.now ?? (() => new Date()), progress }, scope)
    outcome = { status: signal.aborted ? 'cancelled' : 'succeeded', runId, stats }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    log.error({ job: job.name, scope: key, runId, err: error }, 'job failed')
    // A job that did part of its work says how much through `stats` on the error.
    const partial = (error as { stats?: JobStats }).stats
    outcome = { status: 'failed', runId, stats: partial ?? { progress: latest.done }, error: message }
  } finally {
    clearInterval(beat)
  }
  await finishRunWhenReachable(deps.db, runId, { status: outcome.status, stats: outcome.stats, ...(outcome.error !== undefined && { error: outcome.error }) })
  deps.metrics?.jobRuns.inc({ job: job.name, status: outcome.status })
  deps.metrics?.jobDuration.observe({ job: job.name }, (Date.now() - started) / 1000)
  log.info({ job: job.name, scope: key, runId, status: outcome.status, stats: outcome.stats }, 'job finished')
  return outcome
}
