import { connectorFor, type ConnectorTuning } from '../src/sources/connector-factory.ts'
import { createCollectMentionsJob } from './collect-mentions.ts'
import type { Job } from './job.ts'
import { createScoreJob } from './score.ts'
import { createCollectGraphJob } from './collect-graph.ts'
import { createAnalyseJob } from './analyse.ts'
import { createDigestJob } from './digest.ts'
import { createWebhooksJob } from '../src/webhooks/webhooks-job.ts'
import { createRetentionJob } from './retention.ts'

export type { Job, JobContext, JobScope, JobStats, Progress } from './job.ts'

export interface JobDeps {
  /** HTTP pacing for connectors (tests use short waits). */
  connectorTuning?: ConnectorTuning
  maxPagesPerSearch?: number
}

/** Every job Relais runs, by name. */
export function createJobs(deps: JobDeps = {}): Map<string, Job> {
  const connect = (source: Parameters<typeof connectorFor>[0]) => connectorFor(source, deps.connectorTuning)
  const jobs: Job[] = [
    createCollectMentionsJob({ connect, ...(deps.maxPagesPerSearch && { maxPagesPerSearch: deps.maxPagesPerSearch }) }),
    createCollectGraphJob({ connect }),
    createScoreJob(),
    createAnalyseJob(),
    createDigestJob(),
    createWebhooksJob(),
    createRetentionJob(),
  ]
  return new Map(jobs.map((job) => [job.name, job]))
}
