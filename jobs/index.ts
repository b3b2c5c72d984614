import { connectorFor, type ConnectorPacing } from '../src/tenancy/sources/connector-factory.ts'
import { PUBLIC_ONLY, type AddressPolicy } from '../src/pipeline/networks/http/address-policy.ts'
import type { FireBudget } from '../src/pipeline/networks/http/fire-budget.ts'
import { NO_SECRETS, type SecretBox } from '../src/platform/secrets/secret-box.ts'
import { openCredentials } from '../src/platform/secrets/stored-secrets.ts'
import { createCollectMentionsJob } from './collect-mentions.ts'
import { storedSessionFor, type SessionPlace } from './stored-session-for.ts'
import type { Job } from '../src/tenancy/job-runs/job.ts'
import { createScoreJob } from './score.ts'
import { createCollectGraphJob } from './collect-graph.ts'
import { createAnalyseJob } from './analyse.ts'
import { createDigestJob, type DigestMailSettings } from './digest.ts'
import { createWebhooksJob } from './deliver-webhooks.ts'
import { createRetentionJob } from './retention.ts'

export type { Job, JobContext, JobScope, JobStats, Progress } from '../src/tenancy/job-runs/job.ts'

export interface JobDeps {
  /** HTTP pacing for connectors (tests use short waits). */
  connectorTuning?: ConnectorPacing
  maxPagesPerSearch?: number
  /** Engagement re-reads per source per collect-mentions run (default DEFAULT_REFRESH_REQUESTS). */
  refreshRequests?: number
  /** The operator's address policy for sources and webhooks (ALLOW_PRIVATE_ADDRESSES); default public only. */
  addressPolicy?: AddressPolicy
  /** What one workspace may spend on the networks per collect-mentions run. */
  collectBudget?: { ms: number; requests: number }
  /** Reads of replies and of reposters per source per collect-mentions run (defaults in collect-mentions.ts). */
  threadRequests?: number
  repostRequests?: number
  /** Searches per source per collect-mentions run that fill the spans a live stream missed. */
  gapRequests?: number
  /** Opens the sealed source credentials and webhook secrets. */
  secrets?: SecretBox
  /** SMTP and the public address, for the digest emails. */
  mail?: DigestMailSettings
}

/** Every job Relais runs, by name. */
export function createJobs(deps: JobDeps = {}): Map<string, Job> {
  const addressPolicy = deps.addressPolicy ?? PUBLIC_ONLY
  const secrets = deps.secrets ?? NO_SECRETS
  const connect = (source: Parameters<typeof connectorFor>[0], budget?: FireBudget, session?: SessionPlace) =>
    connectorFor(
      { ...source, credentials: openCredentials(secrets, source.credentials) },
      { addressPolicy, ...(budget && { budget }), ...(session && { sessionStore: storedSessionFor(session, secrets, source) }) },
      deps.connectorTuning,
    )
  const jobs: Job[] = [
    createCollectMentionsJob({ connect, ...(deps.maxPagesPerSearch && { maxPagesPerSearch: deps.maxPagesPerSearch }), ...(deps.collectBudget && { budget: deps.collectBudget }), ...(deps.refreshRequests !== undefined && { refreshRequests: deps.refreshRequests }), ...(deps.threadRequests !== undefined && { threadRequests: deps.threadRequests }), ...(deps.repostRequests !== undefined && { repostRequests: deps.repostRequests }), ...(deps.gapRequests !== undefined && { gapRequests: deps.gapRequests }) }),
    createCollectGraphJob({ connect }),
    createScoreJob(),
    createAnalyseJob({ addressPolicy, secrets }),
    createDigestJob({ addressPolicy, secrets, ...deps.mail }),
    createWebhooksJob({ addressPolicy, secrets }),
    createRetentionJob(),
  ]
  return new Map(jobs.map((job) => [job.name, job]))
}
