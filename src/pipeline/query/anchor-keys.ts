// What a post must contain for a query to have any chance: the keys an index over many topics
// looks up, so each post is checked only against the topics it could be on.
import type { QueryNode, TermNode } from './ast.ts'
import { fold, foldHandle, foldedTokens } from './fold.ts'
import type { PreparedPost } from './prepared-post.ts'

/** Folded tokens, hashtags and handles: the three things a content term looks for. */
export interface AnchorKeys {
  tokens: Set<string>
  hashtags: Set<string>
  handles: Set<string>
}

const emptyKeys = (): AnchorKeys => ({ tokens: new Set(), hashtags: new Set(), handles: new Set() })
const sizeOf = (keys: AnchorKeys) => keys.tokens.size + keys.hashtags.size + keys.handles.size

function termKeys(term: TermNode): AnchorKeys | null {
  const keys = emptyKeys()
  switch (term.type) {
    case 'word':
    case 'phrase': {
      // Every token of the sequence must be in the post; the longest is the rarest, as a rule.
      const tokens = foldedTokens(term.value)
      if (tokens.length > 0) keys.tokens.add(tokens.reduce((a, b) => (b.length > a.length ? b : a)))
      return keys // no token: the term never matches, so it needs no key
    }
    case 'hashtag':
      keys.hashtags.add(fold(term.tag))
      return keys
    case 'mention':
      // `@alice` also finds `alice@host`: the post side offers the user part of such handles.
      keys.handles.add(foldHandle(term.handle))
      return keys
    default:
      return null
  }
}

function union(parts: AnchorKeys[]): AnchorKeys {
  const keys = emptyKeys()
  for (const part of parts) {
    for (const token of part.tokens) keys.tokens.add(token)
    for (const tag of part.hashtags) keys.hashtags.add(tag)
    for (const handle of part.handles) keys.handles.add(handle)
  }
  return keys
}

/**
 * Keys such that every post on which `node` evaluates to `positive` holds at least one of them,
 * or null when no such keys exist (a filter, an exclusion). An empty set: `node` never does.
 */
export function anchorKeys(node: QueryNode, positive = true): AnchorKeys | null {
  if (node.type === 'not') return anchorKeys(node.operand, !positive)
  if (node.type !== 'and' && node.type !== 'or') return positive ? termKeys(node) : null
  const operands = node.operands.map((operand) => anchorKeys(operand, positive))
  const allMustHold = (node.type === 'and') === positive
  if (allMustHold) {
    // Any one operand's keys will do: take the fewest.
    let best: AnchorKeys | null = null
    for (const keys of operands) if (keys !== null && (best === null || sizeOf(keys) < sizeOf(best))) best = keys
    return best
  }
  return operands.some((keys) => keys === null) ? null : union(operands as AnchorKeys[])
}

/** The post's side of the lookup: each of its tokens, hashtags and handles (with user parts). */
export function postAnchorKeys(post: PreparedPost): { tokens: Iterable<string>; hashtags: Iterable<string>; handles: Iterable<string> } {
  return {
    tokens: post.positions.keys(),
    hashtags: post.hashtags,
    handles: post.handleUsers.size === 0 ? post.handles : [...post.handles, ...post.handleUsers],
  }
}
