import type { InteractionKind } from '../../platform/db/tables/content.ts'

/** One interaction about the topic: `source` answered, reposted, quoted or mentioned `target`. */
export interface TopicInteraction { source: number; target: number; kind: InteractionKind; weight: number }

/** The topic graph as the scoring reads it: accounts by index, their ties and what they did on the topic. */
export interface TopicGraph {
  /** accounts.id of each node. */
  accountIds: number[]
  /** Per node: its network and handle (to tell networks apart and to link one person across them). */
  networks: string[]
  handles: string[]
  /** Links the network verified as the owner's own, for the nodes that have any (node → links). */
  verifiedLinks?: ReadonlyMap<number, readonly string[]>
  /** Interactions about the topic in the window, decayed weight included. */
  interactions: TopicInteraction[]
  /** Follow edges among the nodes (follower → followee), whatever they are about. */
  followFrom: Int32Array
  followTo: Int32Array
  /** Per node: posts it wrote on the topic in the window (reposts excluded). */
  topicPosts: Float64Array
  /** Per node: what others gave its on-topic posts, as the networks count it. */
  likesReceived: Float64Array
  repliesReceived: Float64Array
  repostsReceived: Float64Array
  quotesReceived: Float64Array
  /** Follower count from the network, NaN when unknown. */
  followers: Float64Array
  /** Counts for the coverage report. */
  counts: { posts: number; interactions: number; follows: number; activeAuthors: number; activeWithFollowLists: number }
}

/** Every tie of the graph as edge arrays, whatever it is about: the follows, then the interactions. */
export function tieEdges(graph: Pick<TopicGraph, 'followFrom' | 'followTo' | 'interactions'>): { src: Int32Array; dst: Int32Array } {
  const follows = graph.followFrom.length
  const src = new Int32Array(follows + graph.interactions.length)
  const dst = new Int32Array(src.length)
  src.set(graph.followFrom)
  dst.set(graph.followTo)
  graph.interactions.forEach((i, k) => { src[follows + k] = i.source; dst[follows + k] = i.target })
  return { src, dst }
}
