import { INTERACTION_KINDS } from '../../platform/db/tables/content.ts'
import type { TopicGraph } from './topic-graph.ts'

/**
 * The topic graph renumbered in an order that depends only on what was collected: the authors
 * first, then the accounts they interacted with, each group by (network, id on the network), and
 * the ties sorted by their ends. Row ids and the order rows come back in depend on the order
 * collection stored them (it runs concurrently), and Louvain's visit order, the sums of the
 * iterations and the ties in every ranking follow the node numbering: without this, the same
 * network collected twice could be ranked twice differently.
 */
export function inCanonicalOrder(graph: TopicGraph, identities: readonly string[], authors: number): TopicGraph {
  const n = graph.accountIds.length
  const byIdentity = (a: number, b: number) => (identities[a] < identities[b] ? -1 : identities[a] > identities[b] ? 1 : a - b)
  const order = [
    ...Array.from({ length: authors }, (_, v) => v).sort(byIdentity),
    ...Array.from({ length: n - authors }, (_, k) => authors + k).sort(byIdentity),
  ]
  const newOf = new Int32Array(n)
  order.forEach((old, v) => (newOf[old] = v))
  const floats = (values: Float64Array) => Float64Array.from(order, (old) => values[old])

  const interactions = graph.interactions
    .map((i) => ({ ...i, source: newOf[i.source], target: newOf[i.target] }))
    .sort((a, b) => a.source - b.source || a.target - b.target || INTERACTION_KINDS.indexOf(a.kind) - INTERACTION_KINDS.indexOf(b.kind) || b.weight - a.weight)
  // n² stays far below 2⁵³, so each follow sorts as one number.
  const follows = Float64Array.from(graph.followFrom, (from, e) => newOf[from] * n + newOf[graph.followTo[e]]).sort()
  const verifiedLinks = new Map<number, readonly string[]>()
  for (const [old, links] of graph.verifiedLinks ?? []) verifiedLinks.set(newOf[old], links)
  return {
    ...graph,
    accountIds: order.map((old) => graph.accountIds[old]),
    networks: order.map((old) => graph.networks[old]),
    handles: order.map((old) => graph.handles[old]),
    verifiedLinks,
    interactions,
    followFrom: Int32Array.from(follows, (key) => Math.floor(key / n)),
    followTo: Int32Array.from(follows, (key) => key % n),
    topicPosts: floats(graph.topicPosts),
    likesReceived: floats(graph.likesReceived),
    repliesReceived: floats(graph.repliesReceived),
    repostsReceived: floats(graph.repostsReceived),
    quotesReceived: floats(graph.quotesReceived),
    followers: floats(graph.followers),
  }
}
