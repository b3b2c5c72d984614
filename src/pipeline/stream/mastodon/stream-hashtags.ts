// The hashtags a Mastodon source subscribes to: those its workspace's topics are anchored on. A
// topic whose every match carries one of its hashtags is fully served by the hashtag streams; a
// topic anchored on words or handles as well is served for its hashtag part only (scheduled
// collection still searches the rest), and a topic with no hashtag anchor not at all.
import { anchorKeys, fold, specialiseForNetwork, type QueryNode } from '../../query/index.ts'
import type { TopicMatcher } from '../../ingest/topic-matchers.ts'

/** Subscriptions per connection at most: each is one more stream the instance serves us. */
export const MAX_STREAMED_HASHTAGS = 100

function hashtagTerms(node: QueryNode, into: string[]): void {
  if (node.type === 'hashtag') into.push(node.tag)
  else if (node.type === 'not') hashtagTerms(node.operand, into)
  else if (node.type === 'and' || node.type === 'or') for (const operand of node.operands) hashtagTerms(operand, into)
}

/** Lower-cased tags as typed (Mastodon compares tags without case, but not without accents), sorted. */
export function streamedHashtags(topics: readonly TopicMatcher[]): string[] {
  const tags = new Set<string>()
  for (const topic of topics) {
    if (topic.networks.size > 0 && !topic.networks.has('mastodon')) continue
    const specialised = specialiseForNetwork(topic.query, 'mastodon')
    if (typeof specialised === 'boolean') continue
    const keys = anchorKeys(specialised)
    if (keys === null || keys.hashtags.size === 0) continue
    const typed: string[] = []
    hashtagTerms(specialised, typed)
    for (const tag of typed) if (keys.hashtags.has(fold(tag))) tags.add(tag.toLowerCase())
  }
  return [...tags].sort().slice(0, MAX_STREAMED_HASHTAGS)
}
