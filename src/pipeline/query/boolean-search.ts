// Writes a negation normal form in the syntax of a network with full boolean search (X, Reddit),
// within the network's length limit. Whatever cannot be written is left out, which only broadens
// the search; the local matcher then removes the extra posts.
import type { ContentNode } from './ast.ts'
import { isContentNode } from './ast.ts'
import type { Literal, Nnf } from './normal-forms.ts'
import { quotedText, tokenCount } from './network-text.ts'

export interface BooleanDialect {
  /** A positive content term, or null when the network cannot search for it. */
  positive(term: ContentNode, maxTokens?: number): string | null
  /** A negated term or a language filter, or null when it cannot be written. */
  restriction(lit: Literal): string | null
  /** How a conjunction joins: `' '` (X) or `' AND '` (Reddit). */
  andSeparator: string
  maxLength: number
}

interface Item {
  text: string
  /** Says what to look for (as opposed to narrowing with an exclusion or a filter). */
  positive: boolean
  kind: 'lit' | 'and' | 'or'
}

/** One search string and its outermost operator (callers appending terms wrap an OR). */
export interface BooleanQuery {
  text: string
  kind: 'lit' | 'and' | 'or'
}

function orText(items: Item[]): string {
  return items.map((item) => (item.kind === 'and' ? `(${item.text})` : item.text)).join(' OR ')
}

function printNode(node: Nnf, dialect: BooleanDialect): Item | null {
  if (node.kind === 'lit') {
    const { lit } = node
    if (!lit.negated && isContentNode(lit.term)) {
      const text = dialect.positive(lit.term)
      return text === null ? null : { text, positive: true, kind: 'lit' }
    }
    const text = dialect.restriction(lit)
    return text === null ? null : { text, positive: false, kind: 'lit' }
  }
  const items = node.children.map((child) => printNode(child, dialect))
  if (node.kind === 'or') {
    // An alternative that cannot be written (or only excludes) would have to match everything.
    if (items.some((item) => item === null || !item.positive)) return null
    const present = items as Item[]
    return { text: `(${orText(present)})`, positive: true, kind: 'or' }
  }
  const present = items.filter((item): item is Item => item !== null)
  const positives = present.filter((item) => item.positive)
  // Exclusions and filters are only written next to something to look for: engines treat a
  // group of exclusions alone as matching nothing, which would lose posts.
  if (positives.length === 0) return null
  const ordered = [...positives, ...present.filter((item) => !item.positive)]
  return { text: ordered.map((item) => item.text).join(dialect.andSeparator), positive: true, kind: 'and' }
}

function topLevel(item: Item): BooleanQuery {
  const text = item.kind === 'or' ? item.text.slice(1, -1) : item.text
  return { text, kind: item.kind }
}

function joinAlternatives(group: BooleanQuery[]): BooleanQuery {
  if (group.length === 1) return group[0]
  return { text: orText(group.map((piece) => ({ ...piece, positive: true }))), kind: 'or' }
}

/** Packs alternatives into as few strings as the length limit allows. */
function packAlternatives(pieces: BooleanQuery[], maxLength: number): BooleanQuery[] {
  const groups: BooleanQuery[][] = []
  for (const piece of pieces) {
    const last = groups.at(-1)
    if (last !== undefined && joinAlternatives([...last, piece]).text.length <= maxLength) last.push(piece)
    else groups.push([piece])
  }
  return groups.map(joinAlternatives)
}

function fitLiteral(lit: Literal, dialect: BooleanDialect): { queries: BooleanQuery[]; lost: boolean } {
  const term = lit.term
  if (term.type === 'word' || term.type === 'phrase') {
    // A phrase's first tokens find every post the whole phrase finds.
    for (let keep = tokenCount(term) - 1; keep >= 1; keep--) {
      const text = dialect.positive(term, keep)
      if (text !== null && text.length <= dialect.maxLength) return { queries: [{ text, kind: 'lit' }], lost: false }
    }
  }
  return { queries: [], lost: true }
}

/** AND(…, OR(x, y), …) as OR(AND(…, x, …), AND(…, y, …)), to save the alternatives that can be written. */
function distributeFirstOr(node: Nnf): Nnf | null {
  if (node.kind !== 'and') return null
  const index = node.children.findIndex((child) => child.kind === 'or')
  if (index < 0) return null
  const or = node.children[index]
  if (or.kind !== 'or') return null
  const rest = node.children.filter((_, other) => other !== index)
  return { kind: 'or', children: or.children.map((choice) => ({ kind: 'and' as const, children: [choice, ...rest] })) }
}

function fitAlternatives(children: Nnf[], dialect: BooleanDialect): { queries: BooleanQuery[]; lost: boolean } {
  const parts = children.map((child) => fitBooleanSearch(child, dialect))
  return {
    queries: packAlternatives(parts.flatMap((part) => part.queries), dialect.maxLength),
    lost: parts.some((part) => part.lost),
  }
}

/**
 * Search strings whose union finds every post `node` accepts. `lost` is true when some part could
 * not be searched at all (then the network's coverage is incomplete).
 */
export function fitBooleanSearch(node: Nnf, dialect: BooleanDialect): { queries: BooleanQuery[]; lost: boolean } {
  const item = printNode(node, dialect)
  if (item === null || !item.positive) {
    // Keep what can be searched and report the rest.
    if (node.kind === 'or') return fitAlternatives(node.children, dialect)
    const distributed = distributeFirstOr(node)
    return distributed === null ? { queries: [], lost: true } : fitBooleanSearch(distributed, dialect)
  }
  const whole = topLevel(item)
  if (whole.text.length <= dialect.maxLength) return { queries: [whole], lost: false }
  if (node.kind === 'lit') return fitLiteral(node.lit, dialect)
  if (node.kind === 'or') return fitAlternatives(node.children, dialect)
  // Too long a conjunction: keep as few of its positive operands as fit, shortest first.
  const positives = node.children
    .map((child) => ({ child, item: printNode(child, dialect) }))
    .filter((entry): entry is { child: Nnf; item: Item } => entry.item !== null && entry.item.positive)
    .sort((a, b) => a.item.text.length - b.item.text.length)
  const [shortest, ...others] = positives
  if (topLevel(shortest.item).text.length > dialect.maxLength) return fitBooleanSearch(shortest.child, dialect)
  let kept = [shortest.child]
  for (const other of others) {
    const candidate = printNode({ kind: 'and', children: [...kept, other.child] }, dialect)
    if (candidate !== null && topLevel(candidate).text.length <= dialect.maxLength) kept = [...kept, other.child]
  }
  return fitBooleanSearch(kept.length === 1 ? kept[0] : { kind: 'and', children: kept }, dialect)
}
