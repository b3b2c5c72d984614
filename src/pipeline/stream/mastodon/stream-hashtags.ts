// The hashtags a Mastodon source subscribes to: those its workspace's topics are anchored on. A
// topic whose every match carries one of a set of hashtags is fully served by their streams; a
// topic whose matches may carry no hashtag (`#velo OR vélo`) is served for its hashtags only
// (scheduled collection still searches the rest), and a topic with no hashtag at all not at all.
import { specialiseForNetwork, type QueryNode } from '../../query/index.ts'
import type { TopicMatcher } from '../../ingest/topic-matchers.ts'

/** Subscriptions per connection at most: each is one more stream the instance serves us. */
export const MAX_STREAMED_HASHTAGS = 100

/**
 * Hashtags such that every post on which `node` evaluates to `positive` carries one of them
 * (lower-cased as typed), or null when there are none: anchor-keys.ts's reasoning, restricted to
 * hashtags, so `vélo #velo` is anchored on #velo even though its word is as good an anchor.
 */
export function hashtagAnchors(node: QueryNode, positive = true): Set<string> | null {
  if (node.type === 'not') return hashtagAnchors(node.operand, !positive)
  if (node.type === 'hashtag') return positive ? new Set([node.tag.toLowerCase()]) : null
  if (node.type !== 'and' && node.type !== 'or') return null
  const operands = node.operands.map((operand) => hashtagAnchors(operand, positive))
  if ((node.type === 'and') === positive) {
    // Any one operand's hashtags will do: the fewest subscriptions.
    let best: Set<string> | null = null
    for (const tags of operands) if (tags !== null && (best === null || tags.size < best.size)) best = tags
    return best
  }
  if (operands.some((tags) => tags === null)) return null
  return new Set(operands.flatMap((tags) => [...tags!]))
}

/** Every hashtag a match may carry (not under an exclusion): a partial anchor when no full one exists. */
function wantedHashtags(node: QueryNode, positive = true, into = new Set<string>()): Set<string> {
  if (node.type === 'not') wantedHashtags(node.operand, !positive, into)
  else if (node.type === 'hashtag' && positive) into.add(node.tag.toLowerCase())
  else if (node.type === 'and' || node.type === 'or') for (const operand of node.operands) wantedHashtags(operand, positive, into)
  return into
}

/** The hashtags to subscribe to, sorted. */
export function streamedHashtags(topics: readonly TopicMatcher[]): string[] {
  const tags = new Set<string>()
  for (const topic of topics) {
    if (topic.networks.size > 0 && !topic.networks.has('mastodon')) continue
    const specialised = specialiseForNetwork(topic.query, 'mastodon')
    if (typeof specialised === 'boolean') continue
    for (const tag of hashtagAnchors(specialised) ?? wantedHashtags(specialised)) tags.add(tag)
  }
  return [...tags].sort().slice(0, MAX_STREAMED_HASHTAGS)
}
