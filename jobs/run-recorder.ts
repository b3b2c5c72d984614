import { sql, type Kysely } from 'kysely'
import { setTimeout as delay } from 'node:timers/promises'
import type { DB } from '../src/db/schema.ts'
import type { JobTrigger } from '../src/db/tables/jobs.ts'

/** A run whose heartbeat is older than this is taken as dead (its process was killed). */
export const STALE_AFTER_MS = 90_000
export const HEARTBEAT_MS = 15_000

/**
 * Records a run in job_runs, or returns null when the same job and scope is already running
 * (on any instance: a unique index allows one 'running' row per job and scope). A run left
 * 'running' by a dead process is closed as failed first, so it never blocks forever.
 */
export async function startRun(db: Kysely<DB>, job: string, scope: string, workspaceId: string | null, trigger: JobTrigger, scheduledFor: Date | null): Promise<number | null> {
  await db
    .updateTable('job_runs')
    .set({ status: 'failed', finished_at: new Date(), error: 'Abandoned: the process running it stopped without finishing.' })
    .where('job', '=', job)
    .where('scope', '=', scope)
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', new Date(Date.now() - STALE_AFTER_MS))
    .execute()
  const row = await sql<{ id: number }>`
    insert into job_runs (job, scope, workspace_id, trigger, scheduled_for) values (${job}, ${scope}, ${workspaceId}, ${trigger}, ${scheduledFor})
    on conflict (job, scope) where status = 'running' do nothing
    returning id`.execute(db)
  return row.rows[0]?.id ?? null
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
