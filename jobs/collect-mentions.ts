// collect-mentions: for each topic × source, pages of mentions from the network's search, from
// each search's checkpoint, each page committed with its checkpoint (a crash loses at most the
// page in flight). Cost: up to `maxPages` requests per search per run, paced by each network's
// rate limits. Locking: one run per scope at a time (job_runs), one instance per scheduled fire.
import { collectTopicMentions } from '../src/collect/collect-topic-mentions.ts'
import { workspaceTopicMatchers, type TopicMatcher } from '../src/ingest/topic-matchers.ts'
import type { Connector } from '../src/networks/connector.ts'
import type { StoredSource } from '../src/sources/connector-factory.ts'
import type { Job, JobStats } from './job.ts'
import { topicsWithSources } from './topic-sources.ts'

export interface CollectMentionsDeps {
  connect(source: StoredSource): Connector
  maxPagesPerSearch?: number
}

export function createCollectMentionsJob(deps: CollectMentionsDeps): Job {
  return {
    name: 'collect-mentions',
    defaultSchedule: '*/15 * * * *',
    description: 'Collects new mentions of each topic from its networks.',
    async run(ctx, scope) {
      const topics = await topicsWithSources(ctx.db, scope)
      const stats = { topics: topics.length, sources: 0, pages: 0, posts: 0, matched: 0, profiles: 0 }
      const failures: string[] = []
      const notes = new Set<string>()
      const work = topics.flatMap((topic) => topic.sources.map((source) => ({ topic, source })))
      // Every post is checked against all topics of its workspace: their matchers, once per run.
      const matchers = new Map<string, Promise<TopicMatcher[]>>()
      const matchersOf = (workspaceId: string) => {
        if (!matchers.has(workspaceId)) {
          // A failed read is not kept: the next source tries again.
          matchers.set(workspaceId, workspaceTopicMatchers(ctx.db, workspaceId).catch((error: unknown) => { matchers.delete(workspaceId); throw error }))
        }
        return matchers.get(workspaceId)!
      }
      let done = 0
      for (const { topic, source } of work) {
        if (ctx.signal.aborted) break
        ctx.progress({ done, total: work.length, label: `${topic.name} · ${source.network}` })
        try {
          const result = await collectTopicMentions(ctx.db, {
            topic,
            sourceId: source.id,
            connector: deps.connect(source),
            matchers: await matchersOf(topic.workspaceId),
            maxPages: deps.maxPagesPerSearch ?? 50,
            mastodonSearch: Boolean(source.credentials.accessToken),
            signal: ctx.signal,
            onPage: () => ctx.progress({ done, total: work.length, label: `${topic.name} · ${source.network}` }),
          })
          stats.sources++
          stats.pages += result.pages
          stats.posts += result.posts
          stats.matched += result.matched
          stats.profiles += result.profiles
          if (!result.complete && result.note) notes.add(`${topic.name}: ${result.note}`)
        } catch (error) {
          failures.push(`${topic.name} · ${source.network} (source ${source.id}): ${(error as Error).message}`)
          ctx.log.warn({ topicId: topic.id, sourceId: source.id, err: error }, 'collection failed for a source')
        }
        done++
      }
      ctx.progress({ done, total: work.length })
      const result: JobStats = { ...stats, ...(notes.size && { notes: [...notes].join(' | ') }) }
      if (failures.length) throw Object.assign(new Error(failures.join('\n')), { stats: result })
      return result
    },
  }
}
