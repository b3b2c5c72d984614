// Bluesky app.bsky.feed.searchPosts: `q` is an implicit AND of words, "phrases", #tags and the
// from:/mentions: filters, with `lang` and `tag` parameters. It has no OR, so the query is split
// into one search per alternative, and it is not relied on for exclusions, which the local check
// applies instead.
import type { SearchSpec } from './search-spec.ts'
import type { Clause, Literal, Nnf } from './normal-forms.ts'
import { searchableClauses } from './normal-forms.ts'
import type { CompileOptions, CompiledSearch } from './compiled-search.ts'
import { DEFAULT_MAX_SPECS, capSpecs, dropUnsupported, droppedNote, nothingToSearchNote, printLiteral } from './compiled-search.ts'
import { BLUESKY_HANDLE, joinNotes, quotedText, tokenCount } from './network-text.ts'

export const BLUESKY_MAX_QUERY_LENGTH = 512

function renderLiteral(lit: Literal, maxTokens: number): string {
  const term = lit.term
  if (term.type === 'hashtag') return `#${term.tag}`
  return term.type === 'word' || term.type === 'phrase' ? quotedText(term, maxTokens) : ''
}

/** `q` from the clause's words, trimmed from the end (a phrase down to its first tokens) to fit. */
function fitWords(words: Clause, suffix: string[]): string {
  const render = (count: number, lastTokens = Infinity): string =>
    [...words.slice(0, count).map((lit, index) => renderLiteral(lit, index === count - 1 ? lastTokens : Infinity)), ...suffix]
      .join(' ')
  let count = words.length
  while (count > 1 && render(count).length > BLUESKY_MAX_QUERY_LENGTH) count--
  const last = count > 0 ? words[count - 1].term : undefined
  if (last === undefined || (last.type !== 'word' && last.type !== 'phrase')) return render(count)
  let keep = tokenCount(last)
  while (keep > 1 && render(count, keep).length > BLUESKY_MAX_QUERY_LENGTH) keep--
  return render(count, keep)
}

/** One search per clause, two when it names a handle (written by it, or mentioning it). */
function clauseSpecs(clause: Clause): SearchSpec[] {
  const words = clause.filter((lit) => lit.term.type === 'word' || lit.term.type === 'phrase' || lit.term.type === 'hashtag')
  const tags = clause.flatMap((lit) => (lit.term.type === 'hashtag' ? [lit.term.tag] : []))
  const handle = clause.find((lit) => lit.term.type === 'mention')?.term
  const lang = clause.find((lit) => lit.term.type === 'lang')?.term
  const handleFilters = handle?.type === 'mention' ? [`from:${handle.handle}`, `mentions:${handle.handle}`] : [null]
  if (words.length === 0 && handle === undefined) return []
  return handleFilters.map((filter) => ({
    kind: 'query' as const,
    q: fitWords(words, filter === null ? [] : [filter]),
    ...(lang?.type === 'lang' ? { lang: lang.code } : {}),
    ...(tags.length > 0 ? { tags } : {}),
  }))
}

export function compileBluesky(node: Nnf, options: CompileOptions): CompiledSearch {
  const maxSpecs = options.maxSpecs ?? DEFAULT_MAX_SPECS
  const searchable = ({ negated, term }: Literal): boolean =>
    !negated && (term.type !== 'mention' || BLUESKY_HANDLE.test(term.handle))
  const supported = dropUnsupported(node, searchable)
  const notes = droppedNote('bluesky', supported.dropped)
  if (typeof supported.node === 'boolean') {
    return { network: 'bluesky', specs: [], complete: false, note: joinNotes([...notes, nothingToSearchNote('bluesky')]) }
  }
  const specs: SearchSpec[] = []
  const seen = new Set<string>()
  let lost = false
  for (const { original, searchable: clause } of searchableClauses(supported.node, maxSpecs, searchable)) {
    const forClause = clauseSpecs(clause)
    if (forClause.length === 0) {
      lost = true
      notes.push(`Bluesky cannot search for ${original.map(printLiteral).join(' ')}, so those posts are not collected there.`)
    }
    for (const spec of forClause) {
      const key = JSON.stringify(spec)
      if (!seen.has(key)) specs.push(spec)
      seen.add(key)
    }
  }
  const capped = capSpecs(specs, maxSpecs, 'bluesky')
  notes.push(...capped.notes)
  return {
    network: 'bluesky',
    specs: capped.specs,
    complete: !lost && capped.notes.length === 0 && capped.specs.length > 0,
    note: joinNotes(notes),
  }
}
