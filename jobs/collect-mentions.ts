// collect-mentions: for each topic × source, pages of mentions from the network's search, from
// each search's checkpoint, each page committed with its checkpoint (a crash loses at most the
// page in flight); then, per source, the engagement of the collected topics' recent matched posts
// is re-read (see src/pipeline/collect/refresh-engagement.ts); then, per source, the replies under
// the matched posts and who reposted them, where the network's counts grew since they were last
// read (see src/pipeline/collect/read-conversations.ts); then, per source, the spans its live
// stream missed are searched (see src/pipeline/collect/fill-stream-gaps.ts). One connector per
// source per run, shared by the topics that use it, with its network session kept in the
// database (one login across runs; a Mastodon instance's account domain, read once, kept there
// too: `setupRequests` in the stats).
// Cost: up to `maxPages` requests per search per run, as many per own account of the topic on the
// source's network (its mentions, src/pipeline/collect/own-mentions.ts), plus `refreshRequests`,
// `threadRequests`, `repostRequests` and `gapRequests` per source, the profile reads that fill
// the audience of authors collected without it (`profileRequests`, 200 accounts per topic and
// source at most: src/pipeline/collect/fill-profiles.ts) and, on Mastodon, the lookups of the
// statuses collected posts reply to or quote (`referenceRequests`), paced by
// each network's rate limits, and by each workspace's budget per run (time and requests): a source
// that holds its requests or asks for long waits stops at its workspace's budget, its checkpoint
// keeping what was done. Locking: one run per scope at a time (job_runs), one instance per
// scheduled fire.
import { collectTopicMentions } from '../src/pipeline/collect/collect-topic-mentions.ts'
import { collectOwnMentions } from '../src/pipeline/collect/own-mentions.ts'
import { workspaceTopicMatchers, type TopicMatcher } from '../src/pipeline/ingest/topic-matchers.ts'
import type { Connector } from '../src/pipeline/networks/connector.ts'
import type { StoredSource } from '../src/tenancy/sources/connector-factory.ts'
import { BudgetSpentError, createFireBudget, type FireBudget } from '../src/pipeline/networks/http/fire-budget.ts'
import type { Job, JobStats } from '../src/tenancy/job-runs/job.ts'
import { topicsWithSources } from '../src/tenancy/topics/topic-sources.ts'
import type { SessionPlace } from './stored-session-for.ts'
import { refreshSources } from './refresh-sources.ts'
import { conversationSources } from './conversation-sources.ts'
import { fillGapSources } from './fill-gap-sources.ts'

export interface CollectMentionsDeps {
  connect(source: StoredSource, budget: FireBudget, session?: SessionPlace): Connector
  /**
   * Engagement re-reads per source per run (default 40: 1,000 Bluesky posts, 4,000 on Reddit; on X
   * each post read is billed, and a source's own `refreshReadsPerRun` bounds it further, 300 posts
   * by default: src/pipeline/networks/x/billed-reads.ts).
   */
  refreshRequests?: number
  /**
   * Reads of the replies under matched posts per source per run (default 40) and of who reposted
   * them (default 40). Against the documented limits, on the 15-minute schedule: Reddit allows
   * 100 requests a minute (1,500 per run's quarter hour), 80 is about 5 % of it; Bluesky's PDS
   * 3,000 per 5 minutes, 80 is under 1 %; Mastodon 300 paged requests per 15 minutes per IP,
   * 80 is about a quarter, leaving search and refresh the rest.
   */
  threadRequests?: number
  repostRequests?: number
  /** Searches per source per run that fill the spans its live stream missed (default 40). */
  gapRequests?: number
  maxPagesPerSearch?: number
  /** What one workspace may spend per run, all its sources together. */
  budget?: { ms: number; requests: number }
}

export const DEFAULT_COLLECT_BUDGET = { ms: 10 * 60_000, requests: 2000 }
export const DEFAULT_REFRESH_REQUESTS = 40
export const DEFAULT_THREAD_REQUESTS = 40
export const DEFAULT_REPOST_REQUESTS = 40
export const DEFAULT_GAP_REQUESTS = 40
/** Partial errors logged per page: the count in the stats says how many there were in all. */
const MAX_LOGGED_PARTIAL_ERRORS = 10

export function createCollectMentionsJob(deps: CollectMentionsDeps): Job {
  return {
    name: 'collect-mentions',
    defaultSchedule: '*/15 * * * *',
    description: 'Collects new mentions of each topic from its networks.',
    async run(ctx, scope) {
      const topics = await topicsWithSources(ctx.db, scope)
      const stats = { topics: topics.length, sources: 0, pages: 0, posts: 0, matched: 0, profiles: 0, logins: 0, searchRequests: 0, refreshRequests: 0, refreshed: 0, ownMentionRequests: 0, ownMentions: 0, partialErrors: 0, setupRequests: 0, profileRequests: 0, referenceRequests: 0, threadRequests: 0, replies: 0, repostRequests: 0, reposts: 0, billedPostReads: 0, billedUserReads: 0, gapRequests: 0, gapPosts: 0, gapsFilled: 0 }
      const session: SessionPlace = { db: ctx.db, counters: { logins: 0 } }
      // One connector (and so one network session) per source for the whole run.
      const connectors = new Map<string, Connector>()
      const connectorOf = (source: StoredSource, workspaceId: string) => {
        if (!connectors.has(source.id)) connectors.set(source.id, deps.connect(source, budgetOf(workspaceId), session))
        return connectors.get(source.id)!
      }
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
            connector: connectorOf(source, topic.workspaceId),
            matchers: await matchersOf(topic.workspaceId),
            maxPages: deps.maxPagesPerSearch ?? 50,
            mastodonSearch: Boolean(source.credentials.accessToken),
            signal: ctx.signal,
            onPage: () => ctx.progress({ done, total: work.length, label: `${topic.name} · ${source.network}` }),
            onPartialErrors: (errors) => ctx.log.warn(
              { topicId: topic.id, sourceId: source.id, network: source.network, partialErrors: errors.slice(0, MAX_LOGGED_PARTIAL_ERRORS).map(({ title, detail, resource_id }) => ({ title, detail, resource_id })) },
              'the network left items out of a page (partial errors)',
            ),
          })
          stats.sources++
          stats.pages += result.pages
          stats.searchRequests += result.pages
          stats.posts += result.posts
          stats.matched += result.matched
          stats.profiles += result.profiles
          stats.partialErrors += result.partialErrors
          if (!result.complete && result.note) notes.add(`${topic.name}: ${result.note}`)
          const own = await collectOwnMentions(ctx.db, { topic, sourceId: source.id, connector: connectorOf(source, topic.workspaceId), matchers: await matchersOf(topic.workspaceId), maxPages: deps.maxPagesPerSearch ?? 50, signal: ctx.signal })
          stats.ownMentionRequests += own.requests
          stats.ownMentions += own.ownMentions
          stats.posts += own.posts
          for (const note of own.notes) notes.add(`${topic.name} · ${source.network}: ${note}`)
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
      const refreshed = await refreshSources(ctx, work, connectors, deps.refreshRequests ?? DEFAULT_REFRESH_REQUESTS)
      stats.refreshRequests = refreshed.requests
      stats.refreshed = refreshed.posts
      for (const note of refreshed.notes) notes.add(note)
      failures.push(...refreshed.failures)
      const threads = await conversationSources(ctx, work, connectors, matchersOf, 'replies', deps.threadRequests ?? DEFAULT_THREAD_REQUESTS)
      const reposts = await conversationSources(ctx, work, connectors, matchersOf, 'reposts', deps.repostRequests ?? DEFAULT_REPOST_REQUESTS)
      stats.threadRequests = threads.requests
      stats.replies = threads.posts
      stats.repostRequests = reposts.requests
      stats.reposts = reposts.posts
      for (const note of [...threads.notes, ...reposts.notes]) notes.add(note)
      failures.push(...threads.failures, ...reposts.failures)
      const gaps = await fillGapSources(ctx, work, connectors, matchersOf, deps.gapRequests ?? DEFAULT_GAP_REQUESTS)
      stats.gapRequests = gaps.requests
      stats.gapPosts = gaps.posts
      stats.gapsFilled = gaps.filled
      for (const note of gaps.notes) notes.add(note)
      failures.push(...gaps.failures)
      stats.logins = session.counters.logins
      // Posts and users read where the network bills each one (X), whatever pass read them.
      for (const connector of connectors.values()) {
        stats.setupRequests += connector.setupRequests ?? 0
        stats.profileRequests += connector.profileRequests ?? 0
        stats.referenceRequests += connector.referenceRequests ?? 0
        stats.billedPostReads += connector.billedPostReads?.() ?? 0
        stats.billedUserReads += connector.billedUserReads?.() ?? 0
      }
      const result: JobStats = { ...stats, ...(notes.size && { notes: [...notes].join(' | ') }) }
      if (failures.length) throw Object.assign(new Error(failures.join('\n')), { stats: result })
      return result
    },
  }
}
