// A simple full-text query, close to what search engines behind both networks accept:
// words (AND), "phrases", #tags, @handles, -negation, OR / | between terms, and operators
// (`from:`/`author:`, `lang:`/`language:`). Matching ignores case and accents.

export type Term =
  | { kind: 'word'; value: string }
  | { kind: 'phrase'; value: string }
  | { kind: 'tag'; value: string }
  | { kind: 'mention'; value: string }

export interface TextQuery {
  /** Every clause must match; a clause matches when one of its terms does. */
  clauses: Term[][]
  excluded: Term[]
  from: string | null
  lang: string | null
  /** Tags every match must carry (single-term tag clauses), for cheap pre-filtering. */
  requiredTags: string[]
}

export interface SearchDocument {
  /** Folded text (see `fold`). */
  text: string
  /** Words of the text, computed on first use (most documents are rejected before). */
  tokens: () => Set<string>
  hashtags: string[]
  /** Lower-cased handles (and DIDs) of mentioned accounts. */
  mentions: string[]
}

export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
}

export function tokenize(folded: string): Set<string> {
  return new Set(folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean))
}

export function toDocument(text: string, hashtags: string[], mentions: string[]): SearchDocument {
  const folded = fold(text).replace(/\s+/g, ' ')
  let tokens: Set<string> | null = null
  return { text: folded, tokens: () => (tokens ??= tokenize(folded)), hashtags, mentions: mentions.map((m) => m.toLowerCase()) }
}

function parseTerm(raw: string): Term | null {
  if (raw.startsWith('"')) {
    const value = fold(raw.replace(/^"|"$/g, '')).replace(/\s+/g, ' ').trim()
    return value ? { kind: 'phrase', value } : null
  }
  if (raw.startsWith('#') && raw.length > 1) return { kind: 'tag', value: raw.slice(1).toLowerCase() }
  if (raw.startsWith('@') && raw.length > 1) return { kind: 'mention', value: raw.slice(1).toLowerCase() }
  const words = [...tokenize(fold(raw))]
  if (words.length === 0) return null
  return words.length === 1 ? { kind: 'word', value: words[0] } : { kind: 'phrase', value: words.join(' ') }
}

export function parseTextQuery(q: string): TextQuery {
  const query: TextQuery = { clauses: [], excluded: [], from: null, lang: null, requiredTags: [] }
  const pieces = q.replace(/[()]/g, ' ').match(/-?"[^"]*"?|\S+/g) ?? []
  let joinNext = false
  for (const piece of pieces) {
    if (piece === 'OR' || piece === '|') {
      joinNext = query.clauses.length > 0
      continue
    }
    const operator = /^(from|author|lang|language):(.+)$/i.exec(piece)
    if (operator) {
      const name = operator[1].toLowerCase()
      if (name === 'from' || name === 'author') query.from = operator[2].replace(/^@/, '').toLowerCase()
      else query.lang = operator[2].toLowerCase()
      continue
    }
    const negated = piece.startsWith('-') && piece.length > 1
    const term = parseTerm(negated ? piece.slice(1) : piece)
    if (!term) continue
    if (negated) query.excluded.push(term)
    else if (joinNext) query.clauses[query.clauses.length - 1].push(term)
    else query.clauses.push([term])
    joinNext = false
  }
  query.requiredTags = query.clauses.flatMap((c) => (c.length === 1 && c[0].kind === 'tag' ? [c[0].value] : []))
  return query
}

function termMatches(term: Term, doc: SearchDocument): boolean {
  switch (term.kind) {
    case 'word':
      return doc.text.includes(term.value) && doc.tokens().has(term.value)
    case 'phrase':
      return doc.text.includes(term.value)
    case 'tag':
      return doc.hashtags.includes(term.value)
    case 'mention':
      return doc.mentions.some((m) => m === term.value || m.startsWith(`${term.value}@`) || m.startsWith(`${term.value}.`))
  }
}

export function matchesQuery(query: TextQuery, doc: SearchDocument): boolean {
  return query.clauses.every((clause) => clause.some((term) => termMatches(term, doc))) && !query.excluded.some((term) => termMatches(term, doc))
}

/** True when the query has something to match (operators alone are not a search). */
export function hasTerms(query: TextQuery): boolean {
  return query.clauses.length > 0
}
