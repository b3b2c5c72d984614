import { readConversations } from '../src/pipeline/collect/read-conversations.ts'
import type { ConversationKind } from '../src/pipeline/collect/conversations-due.ts'
import type { TopicMatcher } from '../src/pipeline/ingest/topic-matchers.ts'
import type { Connector } from '../src/pipeline/networks/connector.ts'
import type { StoredSource } from '../src/tenancy/sources/connector-factory.ts'
import type { JobContext } from '../src/tenancy/job-runs/job.ts'
import type { TopicWithSources } from '../src/tenancy/topics/topic-sources.ts'
import { perSourcePass, type PassOutcome } from './per-source-pass.ts'

/**
 * The conversation pass of a collect-mentions run, for one kind (replies or reposts): per source
 * it collected with, under the matched posts of the topics that use that source (a budget spent:
 * the next run goes on from the posts left unread).
 */
export function conversationSources(
  ctx: JobContext,
  work: readonly { topic: TopicWithSources; source: StoredSource }[],
  connectors: ReadonlyMap<string, Connector>,
  matchersOf: (workspaceId: string) => Promise<TopicMatcher[]>,
  kind: ConversationKind,
  maxRequests: number,
): Promise<PassOutcome> {
  return perSourcePass(ctx, work, connectors, kind, async ({ source, workspaceId, topicIds, connector }) =>
    readConversations(ctx.db, { workspaceId, sourceId: source.id, topicIds, connector, matchers: await matchersOf(workspaceId), kind, maxRequests, signal: ctx.signal }))
}
