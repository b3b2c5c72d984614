// One index over many topics: a post is checked only against the topics whose query asks for one
// of its tokens, hashtags or handles, then by each topic's own matcher (the only judge of a match).
import { anchorKeys, postAnchorKeys, specialiseForNetwork, type PreparedPost } from '../query/index.ts'
import type { EnrichedPost } from './enriched-post.ts'
import type { TopicMatcher } from './topic-matchers.ts'

/** The topics a post is on, with the terms it matched, in the order the topics were given. */
export type TopicMatches = [topicId: string, terms: string[]][]

export interface TopicIndex {
  match(post: EnrichedPost, prepared: PreparedPost): TopicMatches | null
}

/** Candidate topics of one network, by position in the topic list. */
interface NetworkIndex {
  tokens: Map<string, number[]>
  hashtags: Map<string, number[]>
  handles: Map<string, number[]>
  /** Topics no key can rule out (a query anchored only under `network:`, or not at all). */
  always: number[]
}

function add(map: Map<string, number[]>, key: string, topic: number): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [topic])
  else if (list[list.length - 1] !== topic) list.push(topic)
}

function buildNetworkIndex(topics: readonly TopicMatcher[], network: string): NetworkIndex {
  const index: NetworkIndex = { tokens: new Map(), hashtags: new Map(), handles: new Map(), always: [] }
  topics.forEach((topic, position) => {
    if (topic.networks.size > 0 && !topic.networks.has(network)) return
    const specialised = specialiseForNetwork(topic.query, network)
    if (specialised === false) return
    const keys = specialised === true ? null : anchorKeys(specialised)
    if (keys === null) {
      index.always.push(position)
      return
    }
    for (const token of keys.tokens) add(index.tokens, token, position)
    for (const tag of keys.hashtags) add(index.hashtags, tag, position)
    for (const handle of keys.handles) add(index.handles, handle, position)
  })
  return index
}

function collect(map: Map<string, number[]>, keys: Iterable<string>, into: number[]): void {
  for (const key of keys) {
    const topics = map.get(key)
    if (topics !== undefined) for (const topic of topics) into.push(topic)
  }
}

/** Same answers as asking every topic's matcher in turn; built per network on first use. */
export function topicIndex(topics: readonly TopicMatcher[]): TopicIndex {
  const byNetwork = new Map<string, NetworkIndex>()
  return {
    match(post, prepared) {
      let index = byNetwork.get(post.network)
      if (index === undefined) {
        index = buildNetworkIndex(topics, post.network)
        byNetwork.set(post.network, index)
      }
      const keys = postAnchorKeys(prepared)
      const candidates = index.always.slice()
      collect(index.tokens, keys.tokens, candidates)
      collect(index.hashtags, keys.hashtags, candidates)
      collect(index.handles, keys.handles, candidates)
      if (candidates.length === 0) return null
      candidates.sort((a, b) => a - b)
      let found: TopicMatches | null = null
      let previous = -1
      for (const position of candidates) {
        if (position === previous) continue
        previous = position
        const terms = topics[position].match(post, prepared)
        if (terms) (found ??= []).push([topics[position].topicId, terms])
      }
      return found
    },
  }
}

const indexes = new WeakMap<readonly TopicMatcher[], TopicIndex>()

/** The index of a topic list, built once however many batches are matched against the list. */
export function topicIndexOf(topics: readonly TopicMatcher[]): TopicIndex {
  let index = indexes.get(topics)
  if (index === undefined) {
    index = topicIndex(topics)
    indexes.set(topics, index)
  }
  return index
}
