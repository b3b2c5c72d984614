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
  communitiesFrom: Int32Array
  audienceCommunities: Int32Array
  audienceSize: Int32Array
}

/**
 * Relays pass content on between communities. Each repost or quote (an answer at half) takes an
 * author's words to the relay's audience; it crosses as far as that audience lies outside the
 * author's community. relay = crossings × amplification rate × log₂(2 + audience). An account
 * that passes nothing on, or to nobody, is not a relay.
 */
export function computeRelay(graph: TopicGraph, community: Int32Array, audience: Set<number>[]): Relay {
  const n = graph.accountIds.length
  const passes = new Float64Array(n)
  for (const i of graph.interactions) if (i.kind === 'repost' || i.kind === 'quote') passes[i.source]++
  let passed = 0
  let written = 0
  for (let v = 0; v < n; v++) { passed += passes[v]; written += graph.topicPosts[v] }
  const meanRate = passed + written > 0 ? passed / (passed + written) : 0

  const histogram = new Map<number, Map<number, number>>()
  const histogramOf = (v: number) => {
    let h = histogram.get(v)
    if (!h) {
      h = new Map()
      for (const a of audience[v]) h.set(community[a], (h.get(community[a]) ?? 0) + 1)
      histogram.set(v, h)
    }
    return h
  }
  const crossings = new Float64Array(n)
  const from = new Map<number, Set<number>>()
  for (const i of graph.interactions) {
    if (i.kind === 'mention') continue
    const v = i.source
    const size = audience[v].size
    if (size > 0) crossings[v] += PASS_WEIGHTS[i.kind] * (1 - (histogramOf(v).get(community[i.target]) ?? 0) / size)
    if (i.kind !== 'reply') from.set(v, (from.get(v) ?? new Set()).add(community[i.target]))
  }
  const raw = new Float64Array(n)
  const rate = new Float64Array(n)
  const audienceCommunities = new Int32Array(n)
  const audienceSize = new Int32Array(n)
  for (let v = 0; v < n; v++) {
    rate[v] = (passes[v] + RATE_PRIOR_POSTS * meanRate) / (passes[v] + graph.topicPosts[v] + RATE_PRIOR_POSTS)
    audienceSize[v] = audience[v].size
    if (passes[v] > 0) audienceCommunities[v] = histogramOf(v).size
    raw[v] = passes[v] > 0 ? crossings[v] * rate[v] * Math.log2(2 + audience[v].size) : 0
  }
  const communitiesFrom = Int32Array.from({ length: n }, (_, v) => from.get(v)?.size ?? 0)
  return { raw, passes, rate, crossings, communitiesFrom, audienceCommunities, audienceSize }
}
