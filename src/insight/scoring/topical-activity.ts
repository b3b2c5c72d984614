import type { TopicGraph } from './topic-graph.ts'

/** Posts at which an account counts as half a regular on the topic: t = w / (w + HALF). */
export const TOPICAL_HALF = 2
/** What each kind of gift on an on-topic post is worth to the teleport (a like is the cheapest). */
export const GIFT_WEIGHTS = { like: 1, reply: 2, repost: 3, quote: 3 }

/**
 * How much of an account's activity is about the topic, 0 (never) to nearly 1 (a regular):
 * t = w / (w + 2), w = on-topic posts written + half the on-topic posts passed on. It weighs
 * follows: a follow is topical attention only as far as both ends are active on the topic.
 */
export function topicalActivity(graph: TopicGraph, passes: Float64Array): Float64Array {
  const n = graph.accountIds.length
  const t = new Float64Array(n)
  for (let v = 0; v < n; v++) {
    const w = graph.topicPosts[v] + 0.5 * passes[v]
    t[v] = w / (w + TOPICAL_HALF)
  }
  return t
}

/**
 * What others gave an account on the topic: likes + 2·replies + 3·(reposts + quotes) on its
 * on-topic posts. The teleport follows its square root, so attention decides and a post nobody
 * answers adds nothing; accounts with no on-topic post get no teleport at all.
 */
export function gifts(graph: TopicGraph): Float64Array {
  const n = graph.accountIds.length
  const g = new Float64Array(n)
  for (let v = 0; v < n; v++) {
    g[v] = GIFT_WEIGHTS.like * graph.likesReceived[v] + GIFT_WEIGHTS.reply * graph.repliesReceived[v] +
      GIFT_WEIGHTS.repost * graph.repostsReceived[v] + GIFT_WEIGHTS.quote * graph.quotesReceived[v]
  }
  return g
}
