import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { JobRunRow } from '../../platform/db/tables/jobs.ts'
import { AppError, notFound } from '../../platform/shared/errors.ts'
import type { JobRunDto } from './job-run-dto.ts'
import { findTopic } from '../topics/find-topic.ts'
import { enqueueRun } from './run-queue.ts'

export interface JobInfo { name: string; description: string; defaultSchedule: string }

const COLUMNS = ['id', 'job', 'scope', 'trigger', 'status', 'scheduled_for', 'started_at', 'finished_at', 'stats', 'error'] as const

function runToDto(r: Pick<JobRunRow, (typeof COLUMNS)[number]>): JobRunDto {
  return {
    id: r.id, job: r.job, scope: r.scope, trigger: r.trigger, status: r.status,
    scheduledFor: r.scheduled_for?.toISOString() ?? null, startedAt: r.started_at.toISOString(), finishedAt: r.finished_at?.toISOString() ?? null,
    stats: r.stats, error: r.error,
  }
}

/** Jobs as a workspace sees them: its schedule, its runs, and runs it asks for. */
export function createJobRunService(deps: { db: Kysely<DB>; jobs: readonly JobInfo[]; nextRun(job: string, workspaceId: string): Date | null }) {
  const { db } = deps
  return {
    async list(workspaceId: string, runsPerJob: number) {
      const workspace = await db.selectFrom('workspaces').select('settings').where('id', '=', workspaceId).executeTakeFirstOrThrow()
      return Promise.all(
        deps.jobs.map(async (job) => {
          const runs = await db.selectFrom('job_runs').select(COLUMNS).where('workspace_id', '=', workspaceId).where('job', '=', job.name).orderBy('id', 'desc').limit(runsPerJob).execute()
          return {
            name: job.name,
            description: job.description,
            schedule: workspace.settings.schedules?.[job.name] ?? job.defaultSchedule,
            nextRunAt: deps.nextRun(job.name, workspaceId)?.toISOString() ?? null,
            lastRuns: runs.map(runToDto),
          }
        }),
      )
    },

    async get(workspaceId: string, runId: number): Promise<JobRunDto> {
      const row = await db.selectFrom('job_runs').select(COLUMNS).where('workspace_id', '=', workspaceId).where('id', '=', runId).executeTakeFirst()
      if (!row) throw notFound('The job run')
      return runToDto(row)
    },

    /** Queues a run for the workspace (or one of its topics); an instance running the scheduler takes it. */
    async request(workspaceId: string, name: string, topicId?: string): Promise<JobRunDto> {
      if (!deps.jobs.some((j) => j.name === name)) throw new AppError('not_found', `There is no job named "${name}". Jobs: ${deps.jobs.map((j) => j.name).join(', ')}.`)
      if (topicId !== undefined) await findTopic(db, workspaceId, topicId)
      const id = await enqueueRun(db, name, workspaceId, topicId ? { topicId } : {})
      return this.get(workspaceId, id)
    },
  }
}

export type JobRunService = ReturnType<typeof createJobRunService>
