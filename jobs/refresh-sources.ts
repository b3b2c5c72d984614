import { refreshEngagement } from '../src/pipeline/collect/refresh-engagement.ts'
import type { Connector } from '../src/pipeline/networks/connector.ts'
import { BudgetSpentError } from '../src/pipeline/networks/http/fire-budget.ts'
import type { StoredSource } from '../src/tenancy/sources/connector-factory.ts'
import type { JobContext } from '../src/tenancy/job-runs/job.ts'
import type { TopicWithSources } from '../src/tenancy/topics/topic-sources.ts'

export interface RefreshOutcome { requests: number; posts: number; notes: string[]; failures: string[] }

/**
 * The engagement pass of a collect-mentions run: per source it collected with, the recent matched
 * posts of the topics that use that source. A workspace budget spent is a note (the next run
 * goes on from the oldest readings); any other error fails the run like a collection error.
 */
export async function refreshSources(ctx: JobContext, work: readonly { topic: TopicWithSources; source: StoredSource }[], connectors: ReadonlyMap<string, Connector>, maxRequests: number): Promise<RefreshOutcome> {
  const outcome: RefreshOutcome = { requests: 0, posts: 0, notes: [], failures: [] }
  const bySource = new Map<string, { source: StoredSource; workspaceId: string; topicIds: string[] }>()
  for (const { topic, source } of work) {
    const entry = bySource.get(source.id) ?? { source, workspaceId: topic.workspaceId, topicIds: [] }
    entry.topicIds.push(topic.id)
    bySource.set(source.id, entry)
  }
  for (const { source, workspaceId, topicIds } of bySource.values()) {
    const connector = connectors.get(source.id)
    if (!connector || ctx.signal.aborted) continue
    ctx.progress({ done: 0, label: `engagement · ${source.network}` })
    try {
      const done = await refreshEngagement(ctx.db, { workspaceId, sourceId: source.id, topicIds, connector, maxRequests, now: ctx.now(), signal: ctx.signal })
      outcome.requests += done.requests
      outcome.posts += done.posts
    } catch (error) {
      if (error instanceof BudgetSpentError) {
        outcome.notes.push(`engagement · ${source.network}: ${error.message}`)
        continue
      }
      outcome.failures.push(`engagement · ${source.network} (source ${source.id}): ${(error as Error).message}`)
      ctx.log.warn({ sourceId: source.id, err: error }, 'engagement refresh failed for a source')
    }
  }
  return outcome
}
