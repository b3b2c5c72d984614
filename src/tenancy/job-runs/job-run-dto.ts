import { z } from 'zod'

// A job run as the API and the CLI show it (the run model's public shape).
export const RUN_EXAMPLE = { id: 512, job: 'collect-mentions', scope: 'workspace:3f6c0d8e-0a57-4c43-8a0e-5b6c9d1e2f30', trigger: 'schedule', status: 'succeeded', scheduledFor: '2026-11-24T10:15:00.000Z', startedAt: '2026-11-24T10:15:00.120Z', finishedAt: '2026-11-24T10:15:41.800Z', stats: { topics: 2, sources: 5, pages: 38, posts: 1490, matched: 412 }, error: null }

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
  .meta({ id: 'JobRun', example: RUN_EXAMPLE })

export type JobRunDto = z.infer<typeof jobRunSchema>
