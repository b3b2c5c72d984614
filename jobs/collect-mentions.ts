// collect-mentions: for each topic × source, pages of mentions from the network's search, from
// each search's checkpoint, each page committed with its checkpoint (a crash loses at most the
// page in flight). Cost: up to `maxPages` requests per search per run, paced by each network's
// rate limits, and by each workspace's budget per run (time and requests): a source that holds
// its requests or asks for long waits stops at its workspace's budget, its checkpoint keeping what
// was done. Locking: one run per scope at a time (job_runs), one instance per scheduled fire.
import { collectTopicMentions } from '../src/pipeline/collect/collect-topic-mentions.ts'
import { workspaceTopicMatchers, type TopicMatcher } from '../src/pipeline/ingest/topic-matchers.ts'
import type { Connector } from '../src/pipeline/networks/connector.ts'
import type { StoredSource } from '../src/tenancy/sources/connector-factory.ts'
import { BudgetSpentError, createFireBudget, type FireBudget } from '../src/pipeline/networks/http/fire-budget.ts'
import type { Job, JobStats } from '../src/tenancy/job-runs/job.ts'
import { topicsWithSources } from '../src/tenancy/topics/topic-sources.ts'

export interface CollectMentionsDeps {
  connect(source: StoredSource, budget: FireBudget): Connector
  maxPagesPerSearch?: number
  /** What one workspace may spend per run, all its sources together. */
  budget?: { ms: number; requests: number }
}

export const DEFAULT_COLLECT_BUDGET = { ms: 10 * 60_000, requests: 2000 }

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
      const budgets = new Map<string, FireBudget>()
      const budgetOf = (workspaceId: string) => {
        if (!budgets.has(workspaceId)) budgets.set(workspaceId, createFireBudget(deps.budget ?? DEFAULT_COLLECT_BUDGET))
        return budgets.get(workspaceId)!
      }
      let done = 0
      for (const { topic, source } of work) {
        if (ctx.signal.aborted) break
        ctx.progress({ done, total: work.length, label: `${topic.name} · ${source.network}` })
        try {
          const result = await collectTopicMentions(ctx.db, {
            topic,
            sourceId: source.id,
            connector: deps.connect(source, budgetOf(topic.workspaceId)),
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
          if (error instanceof BudgetSpentError) {
            notes.add(`${topic.name} · ${source.network}: ${error.message}`)
            done++
            continue
          }
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
