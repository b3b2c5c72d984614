import { fillStreamGaps } from '../src/pipeline/collect/fill-stream-gaps.ts'
import type { TopicMatcher } from '../src/pipeline/ingest/topic-matchers.ts'
import type { Connector } from '../src/pipeline/networks/connector.ts'
import type { StoredSource } from '../src/tenancy/sources/connector-factory.ts'
import type { JobContext } from '../src/tenancy/job-runs/job.ts'
import type { TopicWithSources } from '../src/tenancy/topics/topic-sources.ts'
import { perSourcePass, type PassOutcome } from './per-source-pass.ts'

/**
 * The gap pass of a collect-mentions run: per source it collected with, the spans its live stream
 * missed (stream_gaps) are searched for the topics that use that source (a budget spent: the next
 * run goes on from each gap's stored progress). Costs nothing for a source without open gaps but
 * one indexed read.
 */
export async function fillGapSources(
  ctx: JobContext,
  work: readonly { topic: TopicWithSources; source: StoredSource }[],
  connectors: ReadonlyMap<string, Connector>,
  matchersOf: (workspaceId: string) => Promise<TopicMatcher[]>,
  maxRequests: number,
): Promise<PassOutcome & { filled: number }> {
  let filled = 0
  const notes: string[] = []
  const outcome = await perSourcePass(ctx, work, connectors, 'stream gaps', async ({ source, workspaceId, topicIds, connector }) => {
    const topics = work.filter((one) => one.source.id === source.id && topicIds.includes(one.topic.id)).map((one) => one.topic)
    const done = await fillStreamGaps(ctx.db, { workspaceId, sourceId: source.id, connector, topics, matchers: await matchersOf(workspaceId), maxRequests, signal: ctx.signal })
    filled += done.filled
    for (const note of done.notes) notes.push(`stream gaps · ${source.network} (source ${source.id}): ${note}`)
    return { requests: done.requests, posts: done.posts }
  })
  return { ...outcome, notes: [...outcome.notes, ...notes], filled }
}
