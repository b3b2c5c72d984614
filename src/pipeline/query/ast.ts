// The topic query tree. Values keep what the user typed (NFC-normalised) so the canonical print
// reads like their query; every comparison folds case and accents at match time instead.

/** A plain word. Several tokens (`e-mail`, `l'école`) must appear next to each other. */
export interface WordNode {
  type: 'word'
  value: string
}

/** `"exact phrase"`: consecutive tokens. Stored trimmed, inner whitespace collapsed. */
export interface PhraseNode {
  type: 'phrase'
  value: string
}

/** `#tag`, stored without `#`. */
export interface HashtagNode {
  type: 'hashtag'
  tag: string
}

/** `@handle`, `@alice@mastodon.social`, `@alice.bsky.social`; stored without the leading `@`. */
export interface MentionNode {
  type: 'mention'
  handle: string
}

/** `lang:xx`, ISO 639-1, lower-case. */
export interface LangNode {
  type: 'lang'
  code: string
}

/** `network:name`, lower-case. */
export interface NetworkNode {
  type: 'network'
  name: string
}

export interface NotNode {
  type: 'not'
  operand: QueryNode
}

/** Canonical trees are flat: an `and` never has an `and` operand (same for `or`), and ≥ 2 operands. */
export interface AndNode {
  type: 'and'
  operands: QueryNode[]
}

export interface OrNode {
  type: 'or'
  operands: QueryNode[]
}

/** Terms that say something about the content of a post. */
export type ContentNode = WordNode | PhraseNode | HashtagNode | MentionNode
/** Terms that filter without saying what to look for. */
export type FilterNode = LangNode | NetworkNode
export type TermNode = ContentNode | FilterNode
export type QueryNode = TermNode | NotNode | AndNode | OrNode

export function isContentNode(node: QueryNode): node is ContentNode {
  return node.type === 'word' || node.type === 'phrase' || node.type === 'hashtag' || node.type === 'mention'
}

export function isTermNode(node: QueryNode): node is TermNode {
  return isContentNode(node) || node.type === 'lang' || node.type === 'network'
}

/** Builds an `and`/`or`, lifting operands of the same kind so the tree stays canonical. */
export function group(type: 'and' | 'or', operands: QueryNode[]): QueryNode {
  const flat = operands.flatMap((operand) => (operand.type === type ? operand.operands : [operand]))
  if (flat.length === 0) throw new Error(`an ${type} group needs at least one operand`)
  if (flat.length === 1) return flat[0]
  return type === 'and' ? { type: 'and', operands: flat } : { type: 'or', operands: flat }
}
