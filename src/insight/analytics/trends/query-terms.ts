import { SUPPORTED_LANGUAGES } from '../../../pipeline/ingest/enrich/languages.ts'
import { fold } from '../../../pipeline/query/fold.ts'
import { parse, type QueryNode } from '../../../pipeline/query/index.ts'
import { termKey } from './term-key.ts'
import { termTokens } from './term-tokens.ts'

export interface QueryTerms {
  /** Folded hashtags of the query, and its words written as hashtags. */
  hashtags: ReadonlySet<string>
  /** Term keys of the query's words, in every language a post may be stemmed in. */
  terms: ReadonlySet<string>
}

/**
 * What the topic asks for: every post matches it, so it would lead every list while saying
 * nothing new. Words and hashtags count both ways (`vélo` also leaves out `#vélo`).
 */
export function queryTerms(query: string): QueryTerms {
  const words: string[] = []
  collect(parseOrNull(query), words)
  const hashtags = new Set(words.map((w) => fold(w)))
  const terms = new Set<string>()
  for (const word of words.flatMap((w) => [w, ...termTokens(w)])) {
    terms.add(termKey(word, null))
    for (const lang of SUPPORTED_LANGUAGES) terms.add(termKey(word, lang))
  }
  return { hashtags, terms }
}

function parseOrNull(query: string): QueryNode | null {
  try {
    return parse(query)
  } catch {
    return null // a topic saved before a syntax change: nothing to leave out, rather than failing the analysis
  }
}

function collect(node: QueryNode | null, out: string[]): void {
  if (!node) return
  switch (node.type) {
    case 'word': case 'phrase': out.push(...node.value.split(/\s+/)); break
    case 'hashtag': out.push(node.tag); break
    case 'not': collect(node.operand, out); break
    case 'and': case 'or': for (const o of node.operands) collect(o, out); break
    default: break
  }
}
