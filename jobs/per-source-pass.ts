import type { Connector } from '../src/pipeline/networks/connector.ts'
import { BudgetSpentError } from '../src/pipeline/networks/http/fire-budget.ts'
import type { StoredSource } from '../src/tenancy/sources/connector-factory.ts'
import type { JobContext } from '../src/tenancy/job-runs/job.ts'
import type { TopicWithSources } from '../src/tenancy/topics/topic-sources.ts'

export interface PassOutcome { requests: number; posts: number; notes: string[]; failures: string[] }

export interface SourceWork { source: StoredSource; workspaceId: string; topicIds: string[]; connector: Connector }

/**
 * A pass of a collect-mentions run after collection (engagement, replies, reposts): once per
 * source it collected with, over the topics that use that source. A workspace budget spent is a
 * note (the next run goes on from where this one stopped); any other error fails the run like a
 * collection error. `label` names the pass in progress, notes and failures.
 */
export async function perSourcePass(
  ctx: JobContext,
  work: readonly { topic: TopicWithSources; source: StoredSource }[],
  connectors: ReadonlyMap<string, Connector>,
  label: string,
  read: (one: SourceWork) => Promise<{ requests: number; posts: number }>,
): Promise<PassOutcome> {
  const outcome: PassOutcome = { requests: 0, posts: 0, notes: [], failures: [] }
  const bySource = new Map<string, { source: StoredSource; workspaceId: string; topicIds: string[] }>()
  for (const { topic, source } of work) {
    const entry = bySource.get(source.id) ?? { source, workspaceId: topic.workspaceId, topicIds: [] }
    entry.topicIds.push(topic.id)
    bySource.set(source.id, entry)
  }
  for (const { source, workspaceId, topicIds } of bySource.values()) {
    const connector = connectors.get(source.id)
    if (!connector || ctx.signal.aborted) continue
    ctx.progress({ done: 0, label: `${label} · ${source.network}` })
    try {
      const done = await read({ source, workspaceId, topicIds, connector })
      outcome.requests += done.requests
      outcome.posts += done.posts
    } catch (error) {
      if (error instanceof BudgetSpentError) {
        outcome.notes.push(`${label} · ${source.network}: ${error.message}`)
        continue
      }
      outcome.failures.push(`${label} · ${source.network} (source ${source.id}): ${(error as Error).message}`)
      ctx.log.warn({ sourceId: source.id, err: error }, `${label} pass failed for a source`)
    }
  }
  return outcome
}
