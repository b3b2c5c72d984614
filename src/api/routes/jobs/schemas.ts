import { z } from 'zod'

export const jobRunSchema = z
  .object({
    id: z.number().int(),
    job: z.string(),
    scope: z.string().describe('workspace:<id> or topic:<id>'),
    trigger: z.enum(['schedule', 'manual', 'api']),
    status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
    scheduledFor: z.iso.datetime().nullable(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    stats: z.record(z.string(), z.unknown()),
    error: z.string().nullable(),
  })
  .meta({ id: 'JobRun' })

export const jobSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    schedule: z.string().describe('Cron expression (UTC)'),
    nextRunAt: z.iso.datetime().nullable().describe('Next scheduled fire; null when no instance runs the scheduler.'),
    lastRuns: z.array(jobRunSchema).describe('Most recent runs for this workspace, newest first.'),
  })
  .meta({ id: 'Job' })

export type JobRunDto = z.infer<typeof jobRunSchema>
