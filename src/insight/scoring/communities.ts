import { fromEdges, louvain } from '../../graph/index.ts'
import { EDGE_WEIGHTS } from './edge-weights.ts'
import type { SamePerson } from './same-person.ts'
import { distinctNeighbours, type NeighbourLists } from './neighbour-lists.ts'
import { tieEdges, type TopicGraph } from './topic-graph.ts'

/** A link between two accounts of one person weighs as much as a reply each way. */
const SAME_PERSON_WEIGHT = 2 * EDGE_WEIGHTS.reply

/**
 * Communities where ties exist: Louvain on every follow and topical interaction, plus a link
 * between the two accounts of one person seen on two networks. Networks share no follows, so
 * without such links each community lies within one network, as people's ties do.
 */
export function findCommunities(graph: TopicGraph, samePerson: SamePerson[]): Int32Array {
  const n = graph.accountIds.length
  const follows = graph.followFrom.length
  const size = follows + graph.interactions.length + samePerson.length
  const src = new Int32Array(size)
  const dst = new Int32Array(size)
  const weight = new Float64Array(size).fill(EDGE_WEIGHTS.follow, 0, follows)
  src.set(graph.followFrom)
  dst.set(graph.followTo)
  let e = follows
  for (const i of graph.interactions) { src[e] = i.source; dst[e] = i.target; weight[e++] = EDGE_WEIGHTS[i.kind] }
  for (const p of samePerson) { src[e] = p.a; dst[e] = p.b; weight[e++] = SAME_PERSON_WEIGHT }
  return louvain(fromEdges(n, src, dst, weight), { seed: 42 })
}

/** Each node's audience on the topic graph: who follows it or interacted with it, distinct. */
export function audiences(graph: TopicGraph): NeighbourLists {
  const { src, dst } = tieEdges(graph)
  return distinctNeighbours(graph.accountIds.length, src, dst)
}
