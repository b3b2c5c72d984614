import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { ScoreCoverage } from '../../platform/db/tables/scores.ts'
import { computeScores, DAMPING, MOST_ACTIVE_MAX, type AccountScore } from './compute-scores.ts'
import { EDGE_WEIGHTS, HALF_LIFE_DAYS } from './edge-weights.ts'
import { loadTopicGraph } from './load-topic-graph.ts'
import { nameCommunities } from './name-communities.ts'
import { ownAccountIds } from './own-accounts.ts'
import { findProspects, PROSPECT_MIN_AUDIENCE, PROSPECT_POOL } from './prospects.ts'
import { influenceRanks, relayRanks } from './rank-order.ts'
import { PASS_WEIGHTS, RATE_PRIOR_POSTS } from './relay.ts'
import { GIFT_WEIGHTS, TOPICAL_HALF } from './topical-activity.ts'
import { writeScores } from './write-snapshot.ts'

export const DEFAULT_WINDOW_DAYS = 30
export { PROSPECT_POOL }

export interface ScoreRunSummary { runId: number; accounts: number; coverage: ScoreCoverage; prospects: number }

/**
 * Scores one topic and writes one snapshot: every account of the topic graph with its scores,
 * ranks, community, components, and its ranks in the previous snapshot (for movers). The run's
 * params keep the model's constants, the brand's networks and the named communities.
 */
export async function scoreTopic(db: Kysely<DB>, topicId: string, options: { now?: Date; windowDays?: number } = {}): Promise<ScoreRunSummary> {
  const now = options.now ?? new Date()
  const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS
  const since = new Date(now.getTime() - windowDays * 86_400_000)
  const topic = await db.selectFrom('topics').select(['own_accounts']).where('id', '=', topicId).executeTakeFirstOrThrow()
  const graph = await loadTopicGraph(db, topicId, since, now)
  const scores = computeScores(graph)
  const influenceRank = influenceRanks(scores)
  const relayRank = relayRanks(scores)

  const own = await ownAccountIds(db, topic.own_accounts)
  const ownNetworks = new Set(Object.entries(topic.own_accounts).filter(([, handles]) => handles.length > 0).map(([network]) => network))
  const prospectRank = await findProspects(db, graph, scores, influenceRank, relayRank, own, ownNetworks)
  const order = [...scores].sort((a, b) => influenceRank[a.node] - influenceRank[b.node]).map((s) => s.node)
  const communities = await nameCommunities(db, topicId, since, graph.accountIds, Int32Array.from(scores, (s) => s.community), graph.networks, order)
  const names = new Map(communities.map((c) => [c.id, c.name || null]))
  for (const s of scores) {
    s.components.prospectRank = prospectRank.get(s.node) ?? null
    s.components.communityName = names.get(s.community) ?? null
  }
  const prospects = new Set(prospectRank.keys())

  const coverage: ScoreCoverage = {
    nodes: graph.accountIds.length,
    edges: graph.interactions.length + graph.followFrom.length,
    activeAuthors: graph.counts.activeAuthors,
    followListShare: graph.counts.activeAuthors ? graph.counts.activeWithFollowLists / graph.counts.activeAuthors : 0,
    posts: graph.counts.posts,
    interactions: graph.counts.interactions,
    follows: graph.counts.follows,
  }
  const params = {
    windowDays, damping: DAMPING, edgeWeights: EDGE_WEIGHTS, halfLifeDays: HALF_LIFE_DAYS, topicalHalf: TOPICAL_HALF, giftWeights: GIFT_WEIGHTS,
    passWeights: PASS_WEIGHTS, ratePriorPosts: RATE_PRIOR_POSTS, mostActiveMax: MOST_ACTIVE_MAX, prospectPool: PROSPECT_POOL, prospectMinAudience: PROSPECT_MIN_AUDIENCE,
    ownAccounts: own.length, ownNetworks: [...ownNetworks].sort(), graphNetworks: [...new Set(graph.networks)].sort(), communities,
  }
  const runId = await db.transaction().execute(async (trx) => {
    const previous = await trx.selectFrom('score_runs').select('id').where('topic_id', '=', topicId).orderBy('id', 'desc').limit(1).executeTakeFirst()
    const run = await trx
      .insertInto('score_runs')
      .values({ topic_id: topicId, computed_at: now, window_start: since, coverage, params })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeScores(trx, run.id, previous?.id ?? null, scores, graph.accountIds, influenceRank, relayRank, prospects)
    return run.id
  })
  return { runId, accounts: scores.length, coverage, prospects: prospects.size }
}
