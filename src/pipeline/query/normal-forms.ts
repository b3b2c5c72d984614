// Negation normal form and bounded disjunctive normal form, the shapes network searches accept.
import type { ContentNode, LangNode, QueryNode } from './ast.ts'
import { isContentNode } from './ast.ts'
import { fold } from './fold.ts'
import { printTerm } from './print.ts'

/** A term that survives specialisation (no `network:`), possibly negated. */
export interface Literal {
  negated: boolean
  term: ContentNode | LangNode
}

export type Nnf = { kind: 'lit'; lit: Literal } | { kind: 'and' | 'or'; children: Nnf[] }

/** Pushes negations down to the terms (De Morgan). Expects no `network:` term left. */
export function toNnf(node: QueryNode, negated = false): Nnf {
  switch (node.type) {
    case 'not':
      return toNnf(node.operand, !negated)
    case 'and':
    case 'or': {
      const kind = (node.type === 'and') !== negated ? 'and' : 'or'
      return flatten(kind, node.operands.map((operand) => toNnf(operand, negated)))
    }
    case 'network':
      throw new Error('network: terms must be specialised away before compiling')
    default:
      return { kind: 'lit', lit: { negated, term: node } }
  }
}

function flatten(kind: 'and' | 'or', children: Nnf[]): Nnf {
  const flat = children.flatMap((child) => (child.kind === kind ? child.children : [child]))
  return flat.length === 1 ? flat[0] : { kind, children: flat }
}

/**
 * Replaces each literal by what `rewrite` says, simplifying constants away. Replacing a literal by
 * `true` in a negation normal form can only accept more posts, which is how a network that cannot
 * express a term still gets a search that misses nothing.
 */
export function rewriteLiterals(node: Nnf, rewrite: (lit: Literal) => Nnf | boolean): Nnf | boolean {
  if (node.kind === 'lit') return rewrite(node.lit)
  const decisive = node.kind === 'or'
  const parts: Nnf[] = []
  for (const child of node.children) {
    const part = rewriteLiterals(child, rewrite)
    if (part === decisive) return decisive
    if (part !== !decisive) parts.push(part as Nnf)
  }
  return parts.length === 0 ? !decisive : flatten(node.kind, parts)
}

/** Identity of a literal for deduplication: folded, so `#Rust` and `#rust` are one. */
export function literalKey(lit: Literal): string {
  return `${lit.negated ? '-' : '+'}${fold(printTerm(lit.term))}`
}

export type Clause = Literal[]

function dedupe(clause: Clause): Clause {
  const seen = new Set<string>()
  return clause.filter((lit) => {
    const key = literalKey(lit)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Drops clauses that contain another clause: the smaller one already finds their posts. */
function absorb<Item>(items: Item[], literalsOf: (item: Item) => Clause): Item[] {
  const keyed = items.map((item) => ({ item, keys: new Set(literalsOf(item).map(literalKey)) }))
  const kept = keyed.filter((candidate, index) =>
    !keyed.some((other, otherIndex) => {
      if (otherIndex === index || other.keys.size > candidate.keys.size) return false
      if (other.keys.size === candidate.keys.size && otherIndex > index) return false
      return [...other.keys].every((key) => candidate.keys.has(key))
    }),
  )
  return kept.map((entry) => entry.item)
}

const asClause = (clause: Clause): Clause => clause

/**
 * Disjunctive normal form: an OR of AND clauses. Distributing an AND over its ORs multiplies
 * clauses, so when the product would exceed `maxClauses` the AND keeps its smallest operands and
 * drops the others (a broader search, never a narrower one).
 */
export function toDnf(node: Nnf, maxClauses: number): Clause[] {
  if (node.kind === 'lit') return [[node.lit]]
  const parts = node.children.map((child) => toDnf(child, maxClauses))
  if (node.kind === 'or') return absorb(parts.flat(), asClause)
  // Choose which operands to keep by size, then distribute them in the query's own order.
  const bySize = parts.map((part, index) => ({ part, index })).sort((a, b) => a.part.length - b.part.length)
  const kept = new Set<number>()
  let product = 1
  for (const { part, index } of bySize) {
    if (kept.size > 0 && product * part.length > maxClauses) continue
    kept.add(index)
    product *= part.length
  }
  let clauses: Clause[] = [[]]
  parts.forEach((part, index) => {
    if (kept.has(index)) clauses = clauses.flatMap((left) => part.map((right) => dedupe([...left, ...right])))
  })
  return absorb(clauses, asClause)
}

export interface SearchableClause {
  /** The clause as the query states it (for notes). */
  original: Clause
  /** Without the literals the network cannot search, which broadens it. */
  searchable: Clause
}

/** Whether a clause says what to look for, so a search can be built from it. */
export function hasPositiveContent(clause: Clause): boolean {
  return clause.some((lit) => !lit.negated && isContentNode(lit.term))
}

/**
 * The clauses a conjunctive-only search (Bluesky, Mastodon) runs. A clause left with nothing to
 * look for cannot be searched (callers report it) and must not absorb the clauses that can.
 */
export function searchableClauses(
  node: Nnf,
  maxClauses: number,
  supported: (lit: Literal) => boolean,
): SearchableClause[] {
  const clauses = toDnf(node, maxClauses).map((original) => ({ original, searchable: original.filter(supported) }))
  const usable = clauses.filter((clause) => hasPositiveContent(clause.searchable))
  const unusable = clauses.filter((clause) => !hasPositiveContent(clause.searchable))
  return [...absorb(usable, (clause) => clause.searchable), ...unusable]
}
