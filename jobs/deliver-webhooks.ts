// webhooks: announces new score runs to webhooks listening for score_run.finished and delivers
// every webhook delivery that is due (first attempts and retries with backoff). Cost: one query
// per workspace when nothing is due, one signed POST per delivery otherwise. Locking: one run per
// scope at a time (job_runs), one instance per scheduled fire; each delivery is leased.
import { forEachUnit } from '../src/tenancy/job-runs/for-each-unit.ts'
import type { Job } from '../src/tenancy/job-runs/job.ts'
import { deliverDueWebhooks, type WebhookDispatchDeps } from '../src/tenancy/webhooks/dispatch.ts'
import { announceScoreRuns } from '../src/tenancy/webhooks/score-run-events.ts'

export interface WebhooksJobDeps extends Omit<WebhookDispatchDeps, 'db' | 'log'> {
  schedule?: string
}

export function createWebhooksJob(deps: WebhooksJobDeps = {}): Job {
  return {
    name: 'webhooks',
    defaultSchedule: deps.schedule ?? '*/5 * * * *',
    description: 'Delivers signed webhook events (alerts, digests, finished score runs) and retries failed ones.',
    async run(ctx, scope) {
      const now = deps.now ?? ctx.now
      let workspaces = ctx.db.selectFrom('workspaces').select('id')
      if (scope.workspaceId) workspaces = workspaces.where('id', '=', scope.workspaceId)
      if (scope.topicId) workspaces = workspaces.where('id', 'in', ctx.db.selectFrom('topics').select('workspace_id').where('id', '=', scope.topicId))
      if (scope.excludeWorkspaces?.length) workspaces = workspaces.where('id', 'not in', scope.excludeWorkspaces)
      let announced = 0
      const totals = { delivered: 0, retrying: 0, failed: 0 }
      await forEachUnit(ctx, await workspaces.execute(), (workspace) => `workspace ${workspace.id}`, async ({ id }) => {
        announced += await announceScoreRuns(ctx.db, id, now())
        const stats = await deliverDueWebhooks({ ...deps, db: ctx.db, log: ctx.log, now }, { workspaceId: id }, ctx.signal)
        totals.delivered += stats.delivered
        totals.retrying += stats.retrying
        totals.failed += stats.failed
      })
      return { announced, ...totals }
    },
  }
}
