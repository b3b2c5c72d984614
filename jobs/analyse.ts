// analyse: per topic and network, compares each of the last 24 complete hours with its rolling
// baseline (mean + k·σ of volume and of negative share, minimum volume, cooldown), stores new spike
// alerts and pushes them to the workspace's webhooks. Cost: one aggregate query over the topic's
// baseline window (a week by default) per topic. Locking: one run per scope at a time (job_runs),
// one instance per scheduled fire; an alert is unique per (topic, network, kind, hour), so a
// repeated analysis adds nothing.
import { analyseTopic } from '../src/insight/alerts/analyse-topic.ts'
import type { AlertSettings } from '../src/insight/alerts/settings.ts'
import { deliverDueWebhooks } from '../src/tenancy/webhooks/dispatch.ts'
import type { AddressPolicy } from '../src/pipeline/networks/http/address-policy.ts'
import type { SecretBox } from '../src/platform/secrets/secret-box.ts'
import { forEachUnit } from '../src/tenancy/job-runs/for-each-unit.ts'
import type { Job } from '../src/tenancy/job-runs/job.ts'
import { topicsInScope } from '../src/tenancy/topics/topic-sources.ts'

export interface AnalyseJobDeps {
  now?: () => Date
  schedule?: string
  /** Overrides every topic's settings (tests). */
  settings?: Partial<AlertSettings>
  /** Complete hours examined (default 24); more to backfill alerts over older data. */
  lookbackHours?: number
  addressPolicy?: AddressPolicy
  secrets?: SecretBox
}

export function createAnalyseJob(deps: AnalyseJobDeps = {}): Job {
  return {
    name: 'analyse',
    // Shortly after each hour closes (and after collection's quarter-hour fire).
    defaultSchedule: deps.schedule ?? '5 * * * *',
    description: 'Detects spikes of volume or negative sentiment per topic and network, and alerts webhooks.',
    async run(ctx, scope) {
      const now = deps.now ?? ctx.now
      const topics = await topicsInScope(ctx.db, scope)
      let alerts = 0
      const done = await forEachUnit(ctx, topics, (topic) => topic.name, async (topic) => {
        const result = await analyseTopic(ctx.db, { id: topic.id, name: topic.name, workspaceId: topic.workspaceId }, now(), { ...(deps.settings && { settings: deps.settings }), ...(deps.lookbackHours && { lookbackHours: deps.lookbackHours }) })
        alerts += result.alerts
      })
      let webhooksDelivered = 0
      // Alerts are urgent: deliver them now rather than at the webhooks job's next fire.
      if (alerts > 0) {
        for (const workspaceId of new Set(topics.map((t) => t.workspaceId))) {
          const stats = await deliverDueWebhooks({ db: ctx.db, now, log: ctx.log, ...(deps.addressPolicy && { addressPolicy: deps.addressPolicy }), ...(deps.secrets && { secrets: deps.secrets }) }, { workspaceId }, ctx.signal)
          webhooksDelivered += stats.delivered
        }
      }
      return { topics: done, alerts, webhooksDelivered }
    },
  }
}
