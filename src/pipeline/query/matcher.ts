// The local check every collected post goes through: network search is fuzzy, this is exact.
import type { QueryNode, TermNode } from './ast.ts'
import { isContentNode } from './ast.ts'
import { fold, foldHandle, foldedTokens } from './fold.ts'
import type { MatchablePost, PreparedPost } from './prepared-post.ts'
import { containsSequence, preparePost } from './prepared-post.ts'
import { printTerm } from './print.ts'

type Predicate = (post: PreparedPost) => boolean

export interface CompiledQuery {
  matches(post: MatchablePost): boolean
  /** For callers that check one post against many topics: prepare it once with `preparePost`. */
  matchesPrepared(post: PreparedPost): boolean
  /** The query's own terms found in the post, as printed in the query (`#rust`, `"open source"`). */
  matchedTerms(post: MatchablePost): string[]
  matchedTermsPrepared(post: PreparedPost): string[]
}

/**
 * Handles: `@alice@host` must equal a handle exactly; `@alice` (no host) also finds `alice@any.host`,
 * because people write the short form for Mastodon accounts. Dotted handles (`@alice.bsky.social`)
 * are whole handles and compare exactly.
 */
function handlePredicate(handle: string): Predicate {
  const wanted = foldHandle(handle)
  if (wanted.includes('@')) return (post) => post.handles.has(wanted)
  return (post) => post.handles.has(wanted) || post.handleUsers.has(wanted)
}

export function compileTerm(node: TermNode): Predicate {
  switch (node.type) {
    case 'word':
    case 'phrase': {
      const sequence = foldedTokens(node.value)
      if (sequence.length === 0) return () => false
      return (post) => containsSequence(post, sequence)
    }
    case 'hashtag': {
      const tag = fold(node.tag)
      return (post) => post.hashtags.has(tag)
    }
    case 'mention':
      return handlePredicate(node.handle)
    case 'lang':
      return (post) => post.lang === node.code
    case 'network':
      return (post) => post.network === node.name
  }
}

function compileNode(node: QueryNode): Predicate {
  switch (node.type) {
    case 'not': {
      const operand = compileNode(node.operand)
      return (post) => !operand(post)
    }
    case 'and': {
      const operands = node.operands.map(compileNode)
      return (post) => operands.every((operand) => operand(post))
    }
    case 'or': {
      const operands = node.operands.map(compileNode)
      return (post) => operands.some((operand) => operand(post))
    }
    default:
      return compileTerm(node)
  }
}

/** Content terms that count in favour of a match: those under an even number of negations. */
function positiveContentTerms(node: QueryNode, positive: boolean, into: TermNode[]): TermNode[] {
  if (node.type === 'not') return positiveContentTerms(node.operand, !positive, into)
  if (node.type === 'and' || node.type === 'or') {
    for (const operand of node.operands) positiveContentTerms(operand, positive, into)
  } else if (positive && isContentNode(node)) {
    into.push(node)
  }
  return into
}

export function compileQuery(ast: QueryNode): CompiledQuery {
  const predicate = compileNode(ast)
  const seen = new Set<string>()
  const terms: { label: string; predicate: Predicate }[] = []
  for (const term of positiveContentTerms(ast, true, [])) {
    const label = printTerm(term)
    if (seen.has(label)) continue
    seen.add(label)
    terms.push({ label, predicate: compileTerm(term) })
  }
  const matchedTermsPrepared = (post: PreparedPost): string[] =>
    terms.filter((term) => term.predicate(post)).map((term) => term.label)
  return {
    matches: (post) => predicate(preparePost(post)),
    matchesPrepared: predicate,
    matchedTerms: (post) => matchedTermsPrepared(preparePost(post)),
    matchedTermsPrepared,
  }
}

const compiledByTree = new WeakMap<QueryNode, CompiledQuery>()

function compiled(ast: QueryNode): CompiledQuery {
  let query = compiledByTree.get(ast)
  if (query === undefined) {
    query = compileQuery(ast)
    compiledByTree.set(ast, query)
  }
  return query
}

/** Compiles once; the returned function tokenises each post once. */
export function compileMatcher(ast: QueryNode): (post: MatchablePost) => boolean {
  return compiled(ast).matches
}

export function matches(ast: QueryNode, post: MatchablePost): boolean {
  return compiled(ast).matches(post)
}

export function matchedTerms(ast: QueryNode, post: MatchablePost): string[] {
  return compiled(ast).matchedTerms(post)
}
