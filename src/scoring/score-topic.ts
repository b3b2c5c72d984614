import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'
import type { ScoreCoverage } from '../db/tables/scores.ts'
import { computeScores, DAMPING, RELAY_WEIGHTS, type AccountScore } from './compute-scores.ts'
import { EDGE_WEIGHTS, HALF_LIFE_DAYS } from './edge-weights.ts'
import { loadTopicGraph } from './load-topic-graph.ts'
import { ownAccountIds, tiedToOwn } from './own-accounts.ts'
import { writeScores } from './write-snapshot.ts'

export const DEFAULT_WINDOW_DAYS = 30
/** Prospects are sought among the top accounts on either ranking. */
export const PROSPECT_POOL = 100

export interface ScoreRunSummary { runId: number; accounts: number; coverage: ScoreCoverage; prospects: number }

/**
 * Scores one topic and writes one snapshot: every account of the topic graph with its scores,
 * ranks, community, components, and its ranks in the previous snapshot (for movers).
 */
export async function scoreTopic(db: Kysely<DB>, topicId: string, options: { now?: Date; windowDays?: number } = {}): Promise<ScoreRunSummary> {
  const now = options.now ?? new Date()
  const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS
  const since = new Date(now.getTime() - windowDays * 86_400_000)
  const topic = await db.selectFrom('topics').select(['own_accounts']).where('id', '=', topicId).executeTakeFirstOrThrow()
  const graph = await loadTopicGraph(db, topicId, since, now)
  const scores = computeScores(graph)
  const influenceRank = ranks(scores, (s) => s.influence)
  const relayRank = ranks(scores, (s) => s.relay)

  const own = await ownAccountIds(db, topic.own_accounts)
  const ownSet = new Set(own)
  const pool = scores.filter((s) => (influenceRank[s.node] <= PROSPECT_POOL || relayRank[s.node] <= PROSPECT_POOL) && !ownSet.has(graph.accountIds[s.node]))
  const tied = await tiedToOwn(db, pool.map((s) => graph.accountIds[s.node]), own)
  const prospects = new Set(own.length ? pool.filter((s) => !tied.has(graph.accountIds[s.node])).map((s) => s.node) : [])

  const coverage: ScoreCoverage = {
    nodes: graph.accountIds.length,
    edges: graph.src.length,
    activeAuthors: graph.counts.activeAuthors,
    followListShare: graph.counts.activeAuthors ? graph.counts.activeWithFollowLists / graph.counts.activeAuthors : 0,
    posts: graph.counts.posts,
    interactions: graph.counts.interactions,
    follows: graph.counts.follows,
  }
  const runId = await db.transaction().execute(async (trx) => {
    const previous = await trx.selectFrom('score_runs').select('id').where('topic_id', '=', topicId).orderBy('id', 'desc').limit(1).executeTakeFirst()
    const run = await trx
      .insertInto('score_runs')
      .values({ topic_id: topicId, computed_at: now, window_start: since, coverage, params: { windowDays, damping: DAMPING, edgeWeights: EDGE_WEIGHTS, halfLifeDays: HALF_LIFE_DAYS, relayWeights: RELAY_WEIGHTS, ownAccounts: own.length } })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeScores(trx, run.id, previous?.id ?? null, scores, graph.accountIds, influenceRank, relayRank, prospects)
    return run.id
  })
  return { runId, accounts: scores.length, coverage, prospects: prospects.size }
}

/** Rank 1 = highest; ties share the order of the account ids (stable across runs). */
function ranks(scores: AccountScore[], value: (s: AccountScore) => number): Int32Array {
  const order = [...scores].sort((a, b) => value(b) - value(a) || b.components.pageRank - a.components.pageRank || a.node - b.node)
  const rank = new Int32Array(scores.length)
  order.forEach((s, i) => (rank[s.node] = i + 1))
  return rank
}
