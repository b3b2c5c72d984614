// Reddit search: `q` with AND, OR, NOT, parentheses, "phrases" and author:, at most 512
// characters. Reddit has no hashtags, mention lists or languages: hashtags and u/ mentions are
// words of the text there, so their words are searched.
import type { Nnf } from './normal-forms.ts'
import type { BooleanDialect } from './boolean-search.ts'
import { fitBooleanSearch } from './boolean-search.ts'
import type { CompileOptions, CompiledSearch } from './compiled-search.ts'
import { DEFAULT_MAX_SPECS, capSpecs, dropUnsupported, droppedNote, nothingToSearchNote } from './compiled-search.ts'
import { REDDIT_USERNAME, joinNotes, quotedText } from './network-text.ts'

export const REDDIT_MAX_QUERY_LENGTH = 512

const redditDialect: BooleanDialect = {
  maxLength: REDDIT_MAX_QUERY_LENGTH,
  andSeparator: ' AND ',
  positive(term, maxTokens) {
    switch (term.type) {
      case 'word':
      case 'phrase':
        return quotedText(term, maxTokens)
      case 'hashtag':
        return quotedText({ type: 'word', value: term.tag })
      case 'mention':
        return REDDIT_USERNAME.test(term.handle)
          ? `(author:${term.handle} OR ${quotedText({ type: 'word', value: term.handle })})`
          : null
    }
  },
  restriction({ negated, term }) {
    // Excluding a hashtag's or handle's word would also drop posts that merely use the word.
    if (negated && (term.type === 'word' || term.type === 'phrase')) return `NOT ${quotedText(term)}`
    return null
  },
}

export function compileReddit(node: Nnf, options: CompileOptions): CompiledSearch {
  const supported = dropUnsupported(node, (lit) =>
    !lit.negated && lit.term.type !== 'lang'
      ? redditDialect.positive(lit.term) !== null
      : redditDialect.restriction(lit) !== null,
  )
  const notes = droppedNote('reddit', supported.dropped)
  if (typeof supported.node === 'boolean') {
    return { network: 'reddit', specs: [], complete: false, note: joinNotes([...notes, nothingToSearchNote('reddit')]) }
  }
  const fitted = fitBooleanSearch(supported.node, redditDialect)
  if (fitted.lost) notes.push('Part of the query is too long or has nothing Reddit can search for, so it is not collected on Reddit.')
  const specs = fitted.queries.map((query) => ({ kind: 'query' as const, q: query.text }))
  const capped = capSpecs(specs, options.maxSpecs ?? DEFAULT_MAX_SPECS, 'reddit')
  notes.push(...capped.notes)
  return {
    network: 'reddit',
    specs: capped.specs,
    complete: !fitted.lost && capped.notes.length === 0 && capped.specs.length > 0,
    note: joinNotes(notes),
  }
}
