import type { NeighbourLists } from './neighbour-lists.ts'
import type { TopicGraph } from './topic-graph.ts'

/** Strength of the prior on the amplification rate, in posts: a rate rests on this many more. */
export const RATE_PRIOR_POSTS = 5
/** How much passing a post on counts, by kind; an answer carries the words half as far. */
export const PASS_WEIGHTS = { repost: 1, quote: 1, reply: 0.5 } as const

export interface Relay {
  raw: Float64Array
  /** Reposts and quotes of on-topic posts made. */
  passes: Float64Array
  /** Passes ÷ (passes + own on-topic posts), shrunk towards the topic's mean rate. */
  rate: Float64Array
  /** Σ over what it passed on (replies at half) of the share of its audience outside the author's community. */
  crossings: Float64Array
  /** Followers the network counts beyond the topic graph: people who do not talk about the topic. */
  followersBeyond: Float64Array
  communitiesFrom: Int32Array
  audienceCommunities: Int32Array
  audienceSize: Int32Array
}

/**
 * Relays pass content on between communities. Each repost or quote (an answer at half) takes an
 * author's words to the relay's audience; it crosses as far as that audience lies outside the
 * author's community. The audience is the relay's followers and those who engaged with it in the
 * topic graph, plus its followers beyond the graph (the network's follower count less those in
 * the graph): they do not talk about the topic, so they belong to none of its communities, and a
 * post passed to them has left the topic's circle. relay = crossings × amplification rate ×
 * log₂(2 + audience). An account that passes nothing on, or to nobody, is not a relay.
 */
export function computeRelay(graph: TopicGraph, community: Int32Array, audience: NeighbourLists): Relay {
  const n = graph.accountIds.length
  const passes = new Float64Array(n)
  for (const i of graph.interactions) if (i.kind === 'repost' || i.kind === 'quote') passes[i.source]++
  let passed = 0
  let written = 0
  for (let v = 0; v < n; v++) { passed += passes[v]; written += graph.topicPosts[v] }
  const meanRate = passed + written > 0 ? passed / (passed + written) : 0
  const followersBeyond = beyondTheGraph(graph)

  // Interactions grouped by who made them (a stable counting sort keeps each one's order, so the
  // sums below add up in the same order as the interactions came). Each maker's audience is then
  // counted by community once, in an array indexed by community and cleared after use: Maps of
  // Maps cost more than the rest of the relay score on a large topic.
  const made = new Int32Array(n + 1)
  for (const i of graph.interactions) made[i.source + 1]++
  for (let v = 0; v < n; v++) made[v + 1] += made[v]
  const byMaker = new Int32Array(graph.interactions.length)
  const fill = made.slice(0, n)
  graph.interactions.forEach((i, k) => { byMaker[fill[i.source]++] = k })

  let communities = 0
  for (let v = 0; v < n; v++) if (community[v] >= communities) communities = community[v] + 1
  const inAudience = new Int32Array(communities)
  const passedFromStamp = new Int32Array(communities).fill(-1)
  const crossings = new Float64Array(n)
  const communitiesFrom = new Int32Array(n)
  const audienceCommunities = new Int32Array(n)
  for (let v = 0; v < n; v++) {
    if (made[v] === made[v + 1] && passes[v] === 0) continue
    const first = audience.offsets[v]
    const inGraph = audience.offsets[v + 1] - first
    const size = inGraph + followersBeyond[v]
    let distinct = 0
    for (let p = first; p < first + inGraph; p++) if (inAudience[community[audience.items[p]]]++ === 0) distinct++
    if (passes[v] > 0) audienceCommunities[v] = distinct
    for (let k = made[v]; k < made[v + 1]; k++) {
      const i = graph.interactions[byMaker[k]]
      if (i.kind === 'mention') continue
      const target = community[i.target]
      if (size > 0) crossings[v] += PASS_WEIGHTS[i.kind] * (1 - inAudience[target] / size)
      if (i.kind !== 'reply' && passedFromStamp[target] !== v) { passedFromStamp[target] = v; communitiesFrom[v]++ }
    }
    for (let p = first; p < first + inGraph; p++) inAudience[community[audience.items[p]]] = 0
  }
  const raw = new Float64Array(n)
  const rate = new Float64Array(n)
  const audienceSize = new Int32Array(n)
  for (let v = 0; v < n; v++) {
    rate[v] = (passes[v] + RATE_PRIOR_POSTS * meanRate) / (passes[v] + graph.topicPosts[v] + RATE_PRIOR_POSTS)
    audienceSize[v] = audience.offsets[v + 1] - audience.offsets[v]
    raw[v] = passes[v] > 0 ? crossings[v] * rate[v] * Math.log2(2 + audienceSize[v] + followersBeyond[v]) : 0
  }
  return { raw, passes, rate, crossings, followersBeyond, communitiesFrom, audienceCommunities, audienceSize }
}

/** The network's follower count less the followers in the topic graph (0 when the count is unknown). */
function beyondTheGraph(graph: TopicGraph): Float64Array {
  const n = graph.accountIds.length
  const beyond = new Float64Array(n)
  for (let e = 0; e < graph.followTo.length; e++) beyond[graph.followTo[e]]--
  for (let v = 0; v < n; v++) beyond[v] = Number.isNaN(graph.followers[v]) ? 0 : Math.max(0, graph.followers[v] + beyond[v])
  return beyond
}
