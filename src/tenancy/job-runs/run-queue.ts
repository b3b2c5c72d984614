import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { thisProcess } from '../../platform/process/identity.ts'
import { scopeKey, type Job, type JobScope } from './job.ts'
import { closeAbandoned } from './run-recorder.ts'

/**
 * Runs asked for through the API wait as 'queued' rows; any instance running the scheduler takes
 * the oldest one whose job and scope is not running already (SKIP LOCKED: two instances never
 * take the same row).
 */
export async function enqueueRun(db: Kysely<DB>, job: string, workspaceId: string, scope: JobScope): Promise<number> {
  const key = scopeKey(scope.topicId ? { topicId: scope.topicId } : { workspaceId })
  const row = await db
    .insertInto('job_runs')
    .values({ job, scope: key, workspace_id: workspaceId, trigger: 'api', status: 'queued', params: scope.topicId ? { topicId: scope.topicId } : {}, scheduled_for: null, finished_at: null, error: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export interface ClaimedRun { runId: number; job: Job; scope: JobScope }

export async function claimQueuedRun(db: Kysely<DB>, jobs: ReadonlyMap<string, Job>): Promise<ClaimedRun | null> {
  // A run left behind by a dead process would keep the queued runs of its job and scope waiting.
  await closeAbandoned(db)
  const claimed = await db.transaction().execute(async (trx) => {
    const next = await sql<{ id: number; job: string; workspace_id: string | null; params: Record<string, string> }>`
      select q.id, q.job, q.workspace_id, q.params from job_runs q
      where q.status = 'queued'
        and not exists (select 1 from job_runs r where r.job = q.job and r.scope = q.scope and r.status = 'running')
      order by q.id limit 1 for update skip locked`.execute(trx)
    const row = next.rows[0]
    if (!row) return null
    await sql`update job_runs set status = 'running', started_at = now(), heartbeat_at = now(), runner = ${thisProcess()} where id = ${row.id}`.execute(trx)
    return row
  }).catch((error: { code?: string }) => {
    // Another instance started the same job and scope in the meantime: the row waits its turn.
    if (error.code === '23505') return null
    throw error
  })
  if (!claimed) return null
  const job = jobs.get(claimed.job)
  if (!job) {
    await db.updateTable('job_runs').set({ status: 'failed', finished_at: new Date(), error: `Unknown job ${claimed.job}.` }).where('id', '=', claimed.id).execute()
    return null
  }
  const scope: JobScope = claimed.params.topicId ? { topicId: claimed.params.topicId } : { workspaceId: claimed.workspace_id ?? undefined }
  return { runId: claimed.id, job, scope }
}
