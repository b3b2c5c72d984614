import { refreshEngagement } from '../src/pipeline/collect/refresh-engagement.ts'
import type { Connector } from '../src/pipeline/networks/connector.ts'
import type { StoredSource } from '../src/tenancy/sources/connector-factory.ts'
import type { JobContext } from '../src/tenancy/job-runs/job.ts'
import type { TopicWithSources } from '../src/tenancy/topics/topic-sources.ts'
import { perSourcePass, type PassOutcome } from './per-source-pass.ts'

/**
 * The engagement pass of a collect-mentions run: per source it collected with, the recent matched
 * posts of the topics that use that source (a budget spent: the next run goes on from the oldest readings).
 */
export function refreshSources(ctx: JobContext, work: readonly { topic: TopicWithSources; source: StoredSource }[], connectors: ReadonlyMap<string, Connector>, maxRequests: number): Promise<PassOutcome> {
  return perSourcePass(ctx, work, connectors, 'engagement', ({ source, workspaceId, topicIds, connector }) =>
    refreshEngagement(ctx.db, { workspaceId, sourceId: source.id, topicIds, connector, maxRequests, now: ctx.now(), signal: ctx.signal }))
}
