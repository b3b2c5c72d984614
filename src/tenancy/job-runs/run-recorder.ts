import { sql, type Kysely } from 'kysely'
import { setTimeout as delay } from 'node:timers/promises'
import type { DB } from '../../platform/db/schema.ts'
import type { JobTrigger } from '../../platform/db/tables/jobs.ts'
import { isNamedProcessAlive, thisProcess } from '../../platform/process/identity.ts'

/** A run whose heartbeat is older than this is taken as dead (its process was killed). */
export const STALE_AFTER_MS = 90_000
export const HEARTBEAT_MS = 15_000

/**
 * Records a run in job_runs, or returns null when the same job and scope is already running
 * (on any instance: a unique index allows one 'running' row per job and scope). A run left
 * 'running' by a dead process is closed as failed first, so it never blocks: at once when that
 * process ran on this host, after its heartbeat is stale otherwise.
 */
export async function startRun(db: Kysely<DB>, job: string, scope: string, workspaceId: string | null, trigger: JobTrigger, scheduledFor: Date | null): Promise<number | null> {
  await closeAbandoned(db, job, scope)
  const row = await sql<{ id: number }>`
    insert into job_runs (job, scope, workspace_id, trigger, scheduled_for, runner) values (${job}, ${scope}, ${workspaceId}, ${trigger}, ${scheduledFor}, ${thisProcess()})
    on conflict (job, scope) where status = 'running' do nothing
    returning id`.execute(db)
  return row.rows[0]?.id ?? null
}

/**
 * Closes as failed the runs (of this job and scope, or all) whose process is known dead or has
 * been silent too long.
 */
export async function closeAbandoned(db: Kysely<DB>, job?: string, scope?: string): Promise<void> {
  const staleBefore = Date.now() - STALE_AFTER_MS
  let running = db.selectFrom('job_runs').select(['id', 'runner', 'heartbeat_at']).where('status', '=', 'running')
  if (job !== undefined) running = running.where('job', '=', job)
  if (scope !== undefined) running = running.where('scope', '=', scope)
  const runs = await running.execute()
  const abandoned = runs.filter((run) => run.heartbeat_at.getTime() < staleBefore || (run.runner !== null && !isNamedProcessAlive(run.runner)))
  if (abandoned.length === 0) return
  await db
    .updateTable('job_runs')
    .set({ status: 'failed', finished_at: new Date(), error: 'Abandoned: the process running it stopped without finishing.' })
    .where('id', 'in', abandoned.map((run) => run.id))
    .where('status', '=', 'running')
    .execute()
}

export async function heartbeat(db: Kysely<DB>, runId: number, stats: Record<string, unknown>): Promise<void> {
  await db.updateTable('job_runs').set({ heartbeat_at: new Date(), stats }).where('id', '=', runId).execute()
}

export async function finishRun(db: Kysely<DB>, runId: number, outcome: { status: 'succeeded' | 'failed' | 'cancelled'; stats: Record<string, unknown>; error?: string }): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ status: outcome.status, finished_at: new Date(), stats: outcome.stats, error: outcome.error ?? null })
    .where('id', '=', runId)
    .execute()
}

// About 32 s in all, well within STALE_AFTER_MS: a database restart takes seconds.
const FINISH_RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000, 16000]

/**
 * finishRun, retried while the database does not answer, so a run that a database outage failed
 * is recorded as failed once it is back, instead of staying 'running' (and blocking the next
 * runs) until its heartbeat goes stale. Throws if the database stays away longer.
 */
export async function finishRunWhenReachable(db: Kysely<DB>, runId: number, outcome: Parameters<typeof finishRun>[2]): Promise<void> {
  for (const wait of [...FINISH_RETRY_DELAYS_MS, null]) {
    try {
      return await finishRun(db, runId, outcome)
    } catch (error) {
      if (wait === null) throw error
      await delay(wait)
    }
  }
}
