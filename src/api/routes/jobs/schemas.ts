import { z } from 'zod'
import { jobRunSchema, RUN_EXAMPLE } from '../../../tenancy/job-runs/job-run-dto.ts'

export const jobSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    schedule: z.string().describe('Cron expression (UTC)'),
    nextRunAt: z.iso.datetime().nullable().describe('Next scheduled fire; null when no instance runs the scheduler.'),
    lastRuns: z.array(jobRunSchema).describe('Most recent runs for this workspace, newest first.'),
  })
  .meta({ id: 'Job', example: { name: 'collect-mentions', description: 'Collects new mentions of each topic from its networks.', schedule: '*/15 * * * *', nextRunAt: '2026-11-24T10:30:00.000Z', lastRuns: [RUN_EXAMPLE] } })

