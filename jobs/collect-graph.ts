// collect-graph: followers and following of the accounts that matter to each topic (its most
// active authors and top-ranked accounts), never-collected first, then the longest unrefreshed.
// Cost: at most `requestBudget` requests per workspace per run, shared by its topics in turns
// (src/pipeline/collect/fair-graph-order.ts), `maxPagesPerList` pages per list per account. Each page is committed with its cursor, so a stopped run resumes mid-list.
// A list read to its end replaces the stored one: follows gone from the network are removed.
// Locking: one run per scope at a time (job_runs), one instance per scheduled fire.
import { collectFollowLists } from '../src/pipeline/collect/collect-follow-lists.ts'
import { graphCandidates } from '../src/pipeline/collect/graph-candidates.ts'
import { shareAcrossTopics } from '../src/pipeline/collect/fair-graph-order.ts'
import type { Connector } from '../src/pipeline/networks/connector.ts'
import type { StoredSource } from '../src/tenancy/sources/connector-factory.ts'
import { createFireBudget, type FireBudget } from '../src/pipeline/networks/http/fire-budget.ts'
import { DEFAULT_WINDOW_DAYS } from '../src/insight/scoring/index.ts'
import type { Job } from '../src/tenancy/job-runs/job.ts'
import { topicsWithSources } from '../src/tenancy/topics/topic-sources.ts'
import type { SessionPlace } from './stored-session-for.ts'

export interface CollectGraphDeps {
  connect(source: StoredSource, budget?: FireBudget, session?: SessionPlace): Connector
  requestBudget?: number
  /** Longest a run may spend on the networks (default 20 min). */
  timeBudgetMs?: number
  maxPagesPerList?: number
  accountsPerTopic?: number
}

export function createCollectGraphJob(deps: CollectGraphDeps): Job {
  return {
    name: 'collect-graph',
    defaultSchedule: '20 */2 * * *',
    description: 'Collects the follow lists of the accounts that matter to each topic, within a request budget.',
    async run(ctx, scope) {
      const topics = await topicsWithSources(ctx.db, scope)
      const since = new Date(ctx.now().getTime() - DEFAULT_WINDOW_DAYS * 86_400_000)
      const stats = { accounts: 0, follows: 0, unfollows: 0, requests: 0, setupRequests: 0 }
      // One connector per source for the run, shared by its topics, with what it keeps between runs.
      const session: SessionPlace = { db: ctx.db, counters: { logins: 0 } }
      const bySource = new Map<string, Connector>()
      const failures: string[] = []
      // The request count is kept per workspace below; this one bounds the time a slow server can take.
      const fireBudget = createFireBudget({ ms: deps.timeBudgetMs ?? 20 * 60_000, requests: Number.MAX_SAFE_INTEGER })
      const workspaces = [...new Set(topics.map((topic) => topic.workspaceId))]
      for (const workspaceId of workspaces) {
        const budget = { requests: deps.requestBudget ?? 300, maxPagesPerList: deps.maxPagesPerList ?? 5 }
        const perTopic = []
        for (const topic of topics.filter((t) => t.workspaceId === workspaceId)) {
          // One source per network: the first the workspace registered that has a follower graph.
          const connectors = new Map<string, { source: StoredSource; connector: Connector }>()
          for (const source of topic.sources) {
            if (connectors.has(source.network)) continue
            try {
              const connector = bySource.get(source.id) ?? deps.connect(source, fireBudget, session)
              bySource.set(source.id, connector)
              if (connector.capabilities.followGraph) connectors.set(source.network, { source, connector })
            } catch (error) {
              failures.push(`${topic.name} · ${source.network}: ${(error as Error).message}`)
            }
          }
          const candidates = await graphCandidates(ctx.db, topic.id, [...connectors.keys()], since, deps.accountsPerTopic ?? 100)
          perTopic.push({ topic: { ...topic, connectors }, candidates })
        }
        const order = shareAcrossTopics(perTopic)
        for (const [position, { topic, account }] of order.entries()) {
          if (budget.requests <= 0 || ctx.signal.aborted) break
          const { source, connector } = topic.connectors.get(account.network)!
          ctx.progress({ done: position, total: order.length, label: `${topic.name} · ${account.externalId}` })
          const before = budget.requests
          try {
            const result = await collectFollowLists(ctx.db, topic, source.id, connector, account, budget, ctx.signal)
            stats.follows += result.follows
            stats.unfollows += result.unfollows
            if (result.finished) stats.accounts++
          } catch (error) {
            failures.push(`${topic.name} · ${account.network} ${account.externalId}: ${(error as Error).message}`)
          }
          stats.requests += before - budget.requests
        }
      }
      for (const connector of bySource.values()) stats.setupRequests += connector.setupRequests ?? 0
      if (failures.length) throw Object.assign(new Error(failures.slice(0, 20).join('\n')), { stats })
      return stats
    },
  }
}
