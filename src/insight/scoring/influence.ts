import { fromEdges, pageRankWithStats } from '../../graph/index.ts'
import { EDGE_WEIGHTS } from './edge-weights.ts'
import { gifts } from './topical-activity.ts'
import type { TopicGraph } from './topic-graph.ts'

export const DAMPING = 0.85

export interface Influence {
  /** Topic-sensitive PageRank, summing to 1. */
  pageRank: Float64Array
  /** Teleport weight of each account, summing to 1 (0 for accounts with no on-topic post). */
  teleport: Float64Array
  /** What others gave each account on the topic (network counts, or the interactions seen if more). */
  gift: Float64Array
}

/**
 * Influence on the topic, in the spirit of topic-sensitive PageRank (Haveliwala 2002) and
 * TwitterRank (Weng et al. 2010). An edge u → v carries attention u pays v, weighted by how much
 * of it is about the topic: an interaction about the topic counts fully (by kind, fading with age);
 * a follow counts t(u) · t(v), the topical activity of both ends, so following an off-topic star
 * passes it nothing. The random surfer restarts at accounts in proportion to √(what others gave
 * them on the topic), never to what they emitted.
 */
export function computeInfluence(graph: TopicGraph, topical: Float64Array): Influence {
  const n = graph.accountIds.length
  const src: number[] = []
  const dst: number[] = []
  const weight: number[] = []
  const observed = new Float64Array(n)
  for (const i of graph.interactions) {
    src.push(i.source); dst.push(i.target); weight.push(i.weight)
    observed[i.target] += EDGE_WEIGHTS[i.kind]
  }
  for (let e = 0; e < graph.followFrom.length; e++) {
    const u = graph.followFrom[e]
    const v = graph.followTo[e]
    const w = EDGE_WEIGHTS.follow * topical[u] * topical[v]
    if (w > 0) { src.push(u); dst.push(v); weight.push(w) }
  }
  const counted = gifts(graph)
  const gift = new Float64Array(n)
  const teleport = new Float64Array(n)
  let total = 0
  for (let v = 0; v < n; v++) {
    gift[v] = Math.max(counted[v], observed[v])
    if (graph.topicPosts[v] > 0) total += teleport[v] = Math.sqrt(gift[v])
  }
  // Nobody received anything yet (a first collection without engagement): restart by activity.
  if (total === 0) for (let v = 0; v < n; v++) total += teleport[v] = topical[v]
  if (total === 0) teleport.fill(1)
  const g = fromEdges(n, Int32Array.from(src), Int32Array.from(dst), Float64Array.from(weight))
  const pageRank = pageRankWithStats(g, { damping: DAMPING, personalization: teleport, tolerance: 1e-9, maxIterations: 500 }).ranks
  const sum = teleport.reduce((a, b) => a + b, 0)
  for (let v = 0; v < n; v++) teleport[v] /= sum
  return { pageRank, teleport, gift }
}
