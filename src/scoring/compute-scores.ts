import { betweenness, fromEdges, kCore, louvain, pageRankWithStats } from '../graph/index.ts'
import type { ScoreComponents } from '../db/tables/scores.ts'
import type { TopicGraph } from './topic-graph.ts'

export interface AccountScore {
  node: number
  influence: number
  relay: number
  community: number
  components: ScoreComponents
}

/** Above this many nodes betweenness is estimated from sampled sources (seeded, repeatable). */
export const EXACT_BETWEENNESS_MAX_NODES = 3000
export const BETWEENNESS_SAMPLES = 256
export const DAMPING = 0.85

// Relay = brokerage between communities, plus passing content on, plus the audience it reaches.
export const RELAY_WEIGHTS = { betweenness: 0.55, crossCommunity: 0.2, amplification: 0.15, reach: 0.1 }

/**
 * Influence: PageRank on the attention graph, teleporting in proportion to on-topic activity
 * (topic-sensitive PageRank): rank flows to whoever the topic's active accounts attend to.
 * Scores are 0–100 within the topic: 100 × √(value / top value), so gaps near the top stay
 * visible while the long tail is not all flattened to 0.
 */
export function computeScores(graph: TopicGraph): AccountScore[] {
  const n = graph.accountIds.length
  if (n === 0) return []
  const g = fromEdges(n, graph.src, graph.dst, graph.weight)

  const activity = new Float64Array(n)
  for (let v = 0; v < n; v++) activity[v] = graph.topicPosts[v] + Math.log1p(graph.engagement[v])
  const activityTotal = activity.reduce((a, b) => a + b, 0)
  const teleport = activityTotal > 0 ? activity : undefined
  const pr = pageRankWithStats(g, { damping: DAMPING, personalization: teleport, tolerance: 1e-9, maxIterations: 500 }).ranks

  const communities = louvain(g, { seed: 42 })
  const btw = betweenness(g, { directed: false, normalized: true, ...(n > EXACT_BETWEENNESS_MAX_NODES && { samples: BETWEENNESS_SAMPLES }) })
  const cores = kCore(g)
  const inDegree = Float64Array.from({ length: n }, (_, v) => g.inOffsets[v + 1] - g.inOffsets[v])
  const cross = crossCommunityShare(g.outOffsets, g.outTargets, g.inOffsets, g.inSources, communities)

  const max = (a: ArrayLike<number>) => { let m = 0; for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i]; return m }
  const maxPr = max(pr)
  const maxBtw = max(btw)
  const maxAmp = max(graph.amplification)
  const reach = Array.from(graph.followers, (f) => (Number.isNaN(f) ? 0 : Math.log1p(f)))
  const maxReach = max(reach)
  const rel = (x: number, m: number) => (m > 0 ? x / m : 0)

  const relayRaw = new Float64Array(n)
  for (let v = 0; v < n; v++) {
    relayRaw[v] =
      RELAY_WEIGHTS.betweenness * rel(btw[v], maxBtw) +
      RELAY_WEIGHTS.crossCommunity * cross[v] +
      RELAY_WEIGHTS.amplification * rel(Math.log1p(graph.amplification[v]), Math.log1p(maxAmp)) +
      RELAY_WEIGHTS.reach * rel(reach[v], maxReach)
  }
  const maxRelay = max(relayRaw)
  return Array.from({ length: n }, (_, v) => ({
    node: v,
    influence: round2(100 * Math.sqrt(rel(pr[v], maxPr))),
    relay: round2(100 * rel(relayRaw[v], maxRelay)),
    community: communities[v],
    components: {
      pageRank: pr[v],
      topicActivity: activityTotal > 0 ? activity[v] / activityTotal : 0,
      topicPosts: graph.topicPosts[v],
      engagement: graph.engagement[v],
      inDegree: inDegree[v],
      betweenness: btw[v],
      crossCommunity: cross[v],
      amplification: graph.amplification[v],
      followers: Number.isNaN(graph.followers[v]) ? null : graph.followers[v],
      kCore: cores[v],
    },
  }))
}

/** Share of a node's distinct neighbours (either direction) that sit in another community. */
function crossCommunityShare(outOffsets: Int32Array, outTargets: Int32Array, inOffsets: Int32Array, inSources: Int32Array, community: Int32Array): Float64Array {
  const n = community.length
  const share = new Float64Array(n)
  for (let v = 0; v < n; v++) {
    let total = 0
    let other = 0
    for (let e = outOffsets[v]; e < outOffsets[v + 1]; e++) { total++; if (community[outTargets[e]] !== community[v]) other++ }
    for (let e = inOffsets[v]; e < inOffsets[v + 1]; e++) { total++; if (community[inSources[e]] !== community[v]) other++ }
    share[v] = total ? other / total : 0
  }
  return share
}

const round2 = (x: number) => Math.round(x * 100) / 100
