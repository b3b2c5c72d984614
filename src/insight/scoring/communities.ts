import { fromEdges, louvain } from '../../graph/index.ts'
import { EDGE_WEIGHTS } from './edge-weights.ts'
import type { SamePerson } from './same-person.ts'
import type { TopicGraph } from './topic-graph.ts'

/** A link between two accounts of one person weighs as much as a reply each way. */
const SAME_PERSON_WEIGHT = 2 * EDGE_WEIGHTS.reply

/**
 * Communities where ties exist: Louvain on every follow and topical interaction, plus a link
 * between the two accounts of one person seen on two networks. Networks share no follows, so
 * without such links each community lies within one network, as people's ties do.
 */
export function findCommunities(graph: TopicGraph, samePerson: SamePerson[]): Int32Array {
  const n = graph.accountIds.length
  const src: number[] = Array.from(graph.followFrom)
  const dst: number[] = Array.from(graph.followTo)
  const weight: number[] = src.map(() => EDGE_WEIGHTS.follow)
  for (const i of graph.interactions) { src.push(i.source); dst.push(i.target); weight.push(EDGE_WEIGHTS[i.kind]) }
  for (const p of samePerson) { src.push(p.a); dst.push(p.b); weight.push(SAME_PERSON_WEIGHT) }
  return louvain(fromEdges(n, Int32Array.from(src), Int32Array.from(dst), Float64Array.from(weight)), { seed: 42 })
}

/** Each node's audience on the topic graph: who follows it or interacted with it, distinct. */
export function audiences(graph: TopicGraph): Set<number>[] {
  const audience = graph.accountIds.map(() => new Set<number>())
  for (let e = 0; e < graph.followFrom.length; e++) audience[graph.followTo[e]].add(graph.followFrom[e])
  for (const i of graph.interactions) audience[i.target].add(i.source)
  for (const [v, set] of audience.entries()) set.delete(v)
  return audience
}
