import { readConversations } from '../src/pipeline/collect/read-conversations.ts'
import type { ConversationKind } from '../src/pipeline/collect/conversations-due.ts'
import type { TopicMatcher } from '../src/pipeline/ingest/topic-matchers.ts'
import type { Connector } from '../src/pipeline/networks/connector.ts'
import { BudgetSpentError } from '../src/pipeline/networks/http/fire-budget.ts'
import type { StoredSource } from '../src/tenancy/sources/connector-factory.ts'
import type { JobContext } from '../src/tenancy/job-runs/job.ts'
import type { TopicWithSources } from '../src/tenancy/topics/topic-sources.ts'

export interface ConversationOutcome { requests: number; posts: number; notes: string[]; failures: string[] }

const LABELS: Record<ConversationKind, string> = { replies: 'replies', reposts: 'reposts' }

/**
 * The conversation pass of a collect-mentions run, for one kind (replies or reposts): per source
 * it collected with, under the matched posts of the topics that use that source. A workspace
 * budget spent is a note (the next run goes on from the posts left unread); any other error fails
 * the run like a collection error.
 */
export async function conversationSources(
  ctx: JobContext,
  work: readonly { topic: TopicWithSources; source: StoredSource }[],
  connectors: ReadonlyMap<string, Connector>,
  matchersOf: (workspaceId: string) => Promise<TopicMatcher[]>,
  kind: ConversationKind,
  maxRequests: number,
): Promise<ConversationOutcome> {
  const outcome: ConversationOutcome = { requests: 0, posts: 0, notes: [], failures: [] }
  const bySource = new Map<string, { source: StoredSource; workspaceId: string; topicIds: string[] }>()
  for (const { topic, source } of work) {
    const entry = bySource.get(source.id) ?? { source, workspaceId: topic.workspaceId, topicIds: [] }
    entry.topicIds.push(topic.id)
    bySource.set(source.id, entry)
  }
  for (const { source, workspaceId, topicIds } of bySource.values()) {
    const connector = connectors.get(source.id)
    if (!connector || ctx.signal.aborted) continue
    ctx.progress({ done: 0, label: `${LABELS[kind]} · ${source.network}` })
    try {
      const matchers = await matchersOf(workspaceId)
      const done = await readConversations(ctx.db, { workspaceId, topicIds, connector, matchers, kind, maxRequests, signal: ctx.signal })
      outcome.requests += done.requests
      outcome.posts += done.posts
    } catch (error) {
      if (error instanceof BudgetSpentError) {
        outcome.notes.push(`${LABELS[kind]} · ${source.network}: ${error.message}`)
        continue
      }
      outcome.failures.push(`${LABELS[kind]} · ${source.network} (source ${source.id}): ${(error as Error).message}`)
      ctx.log.warn({ sourceId: source.id, err: error }, `${LABELS[kind]} read failed for a source`)
    }
  }
  return outcome
}
