// retention: for each workspace with a retention setting (`retentionDays`), releases its topic
// matches and imports of posts older than that, and deletes the released posts no other
// workspace holds, with the interactions they made. Cost: batched deletes of at most 5,000 rows
// per transaction. Locking: one run per scope at a time (job_runs), one instance per scheduled fire.
import { applyRetention } from '../src/tenancy/personal-data/retention.ts'
import type { Job } from '../src/tenancy/job-runs/job.ts'

export function createRetentionJob(deps: { schedule?: string } = {}): Job {
  return {
    name: 'retention',
    defaultSchedule: deps.schedule ?? '40 3 * * *', // daily, at a quiet hour
    description: 'Removes posts and interactions older than each workspace\'s retention setting.',
    async run(ctx, scope) {
      if (scope.topicId) return { workspaces: 0, released: 0, deletedPosts: 0 } // retention is per workspace
      const result = await applyRetention(ctx.db, ctx.now(), { ...(scope.workspaceId && { workspaceId: scope.workspaceId }), ...(scope.excludeWorkspaces && { excludeWorkspaces: scope.excludeWorkspaces }), signal: ctx.signal })
      return { ...result }
    },
  }
}
