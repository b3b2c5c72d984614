// Writing words and phrases for a network's search box. Terms are re-spelled from their tokens:
// a token holds only letters, digits and `_`, so no punctuation of the user's text can be taken
// for an operator by the network (`e-mail` becomes "e mail", `https://x.org` becomes "https x org").
import type { PhraseNode, WordNode } from './ast.ts'
import { displayTokens } from './fold.ts'

const OPERATOR_WORD = /^(and|or|not)$/i

/** A word or phrase as a bare token or a quoted phrase; `maxTokens` keeps a prefix (a broader phrase). */
export function quotedText(node: WordNode | PhraseNode, maxTokens = Infinity): string {
  const tokens = displayTokens(node.value).slice(0, maxTokens)
  if (tokens.length === 1 && !OPERATOR_WORD.test(tokens[0])) return tokens[0]
  return `"${tokens.join(' ')}"`
}

export function tokenCount(node: WordNode | PhraseNode): number {
  return displayTokens(node.value).length
}

/** Handles each network can search for; the others are dropped from that network's search. */
export const X_USERNAME = /^[A-Za-z0-9_]{1,15}$/
export const REDDIT_USERNAME = /^[A-Za-z0-9_-]{3,20}$/
export const BLUESKY_HANDLE = /^(?=.{3,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/

/** Joins notes into one sentence-per-item string, or undefined when there are none. */
export function joinNotes(notes: string[]): string | undefined {
  const unique = [...new Set(notes)]
  return unique.length === 0 ? undefined : unique.join(' ')
}
