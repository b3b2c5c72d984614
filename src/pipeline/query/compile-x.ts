// X API v2 search: `query` with #tag, @user, from:, lang:, -negation, OR, parentheses and
// "phrases", at most 512 characters (recent search).
import type { Nnf } from './normal-forms.ts'
import type { BooleanDialect } from './boolean-search.ts'
import { fitBooleanSearch } from './boolean-search.ts'
import type { CompileOptions, CompiledSearch } from './compiled-search.ts'
import { DEFAULT_MAX_SPECS, capSpecs, dropUnsupported, droppedNote, nothingToSearchNote } from './compiled-search.ts'
import { X_USERNAME, joinNotes, quotedText } from './network-text.ts'

export const X_MAX_QUERY_LENGTH = 512
const EXCLUDE_RETWEETS = ' -is:retweet'

function dialect(maxLength: number): BooleanDialect {
  return {
    maxLength,
    andSeparator: ' ',
    positive(term, maxTokens) {
      switch (term.type) {
        case 'word':
        case 'phrase':
          return quotedText(term, maxTokens)
        case 'hashtag':
          return `#${term.tag}`
        case 'mention':
          // The query's @handle also means "written by": X says that with from:.
          return X_USERNAME.test(term.handle) ? `(@${term.handle} OR from:${term.handle})` : null
      }
    },
    restriction({ negated, term }) {
      const dash = negated ? '-' : ''
      switch (term.type) {
        case 'lang':
          return `${dash}lang:${term.code}`
        case 'word':
        case 'phrase':
          return negated ? `-${quotedText(term)}` : null
        case 'hashtag':
          return negated ? `-#${term.tag}` : null
        case 'mention':
          return negated && X_USERNAME.test(term.handle) ? `-@${term.handle} -from:${term.handle}` : null
      }
    },
  }
}

export function compileX(node: Nnf, options: CompileOptions): CompiledSearch {
  const excludeRetweets = options.xExcludeRetweets === true
  const syntax = dialect(X_MAX_QUERY_LENGTH - (excludeRetweets ? EXCLUDE_RETWEETS.length : 0))
  const supported = dropUnsupported(node, (lit) =>
    !lit.negated && lit.term.type !== 'lang' ? syntax.positive(lit.term) !== null : syntax.restriction(lit) !== null,
  )
  const notes = droppedNote('x', supported.dropped)
  if (typeof supported.node === 'boolean') {
    return { network: 'x', specs: [], complete: false, note: joinNotes([...notes, nothingToSearchNote('x')]) }
  }
  const fitted = fitBooleanSearch(supported.node, syntax)
  if (fitted.lost) notes.push('Part of the query is too long or has nothing X can search for, so it is not collected on X.')
  const queries = fitted.queries.map((query) => {
    if (!excludeRetweets) return query.text
    return (query.kind === 'or' ? `(${query.text})` : query.text) + EXCLUDE_RETWEETS
  })
  const capped = capSpecs(queries.map((q) => ({ kind: 'query' as const, q })), options.maxSpecs ?? DEFAULT_MAX_SPECS, 'x')
  notes.push(...capped.notes)
  return {
    network: 'x',
    specs: capped.specs,
    complete: !fitted.lost && capped.notes.length === 0 && capped.specs.length > 0,
    note: joinNotes(notes),
  }
}
