// Mastodon: hashtag timelines are public and complete for a tag; full-text search needs a user
// token, an instance with a search engine, and only finds posts of accounts that opted in. So
// every alternative of the query that requires a hashtag is followed through a timeline, and the
// rest goes to full-text search only when it is allowed.
import type { SearchSpec } from './search-spec.ts'
import type { Clause, Literal, Nnf } from './normal-forms.ts'
import { searchableClauses } from './normal-forms.ts'
import type { CompileOptions, CompiledSearch } from './compiled-search.ts'
import { DEFAULT_MAX_SPECS, capSpecs, dropUnsupported, droppedNote, nothingToSearchNote, printLiteral } from './compiled-search.ts'
import { fold } from './fold.ts'
import { joinNotes, quotedText } from './network-text.ts'

function positiveTags(clause: Clause): string[] {
  return clause.flatMap((lit) => (!lit.negated && lit.term.type === 'hashtag' ? [lit.term.tag] : []))
}

/**
 * Few timelines that together cover every clause needing a hashtag (greedy set cover: the tag
 * required by most uncovered clauses first).
 */
function coveringTags(clauses: Clause[]): string[] {
  let remaining = clauses.map((clause) => new Map(positiveTags(clause).map((tag) => [fold(tag), tag])))
  const chosen: string[] = []
  while (remaining.length > 0) {
    const counts = new Map<string, { tag: string; count: number }>()
    for (const tags of remaining) {
      for (const [key, tag] of tags) counts.set(key, { tag, count: (counts.get(key)?.count ?? 0) + 1 })
    }
    let best: { key: string; tag: string; count: number } | undefined
    for (const [key, entry] of counts) if (best === undefined || entry.count > best.count) best = { key, ...entry }
    if (best === undefined) break
    chosen.push(best.tag)
    const bestKey = best.key
    remaining = remaining.filter((tags) => !tags.has(bestKey))
  }
  return chosen
}

/** Timeline names to follow for a tag: as written and, when different, without accents. */
function timelineTags(tag: string): string[] {
  return [...new Set([tag.toLowerCase(), fold(tag)])]
}

function searchQuery(clause: Clause): string | null {
  const parts: string[] = []
  const exclusions: string[] = []
  for (const { negated, term } of clause) {
    if (term.type === 'word' || term.type === 'phrase') (negated ? exclusions : parts).push((negated ? '-' : '') + quotedText(term))
    else if (term.type === 'hashtag' && negated) exclusions.push(`-#${term.tag}`)
  }
  return parts.length === 0 ? null : [...parts, ...exclusions].join(' ')
}

export function compileMastodon(node: Nnf, options: CompileOptions): CompiledSearch {
  const maxSpecs = options.maxSpecs ?? DEFAULT_MAX_SPECS
  const searchable = ({ term }: Literal): boolean => term.type !== 'mention' && term.type !== 'lang'
  const supported = dropUnsupported(node, searchable)
  const notes = droppedNote('mastodon', supported.dropped)
  if (typeof supported.node === 'boolean') {
    return { network: 'mastodon', specs: [], complete: false, note: joinNotes([...notes, nothingToSearchNote('mastodon')]) }
  }
  const clauses = searchableClauses(supported.node, maxSpecs, searchable)
  const tagged = clauses.map((clause) => clause.searchable).filter((clause) => positiveTags(clause).length > 0)
  const specs: SearchSpec[] = coveringTags(tagged).flatMap((tag) =>
    timelineTags(tag).map((name) => ({ kind: 'hashtag' as const, tag: name })),
  )
  let lost = false
  let usedSearch = false
  for (const { original, searchable: clause } of clauses.filter((candidate) => positiveTags(candidate.searchable).length === 0)) {
    const q = options.mastodonSearch === true ? searchQuery(clause) : null
    if (q !== null) {
      usedSearch = true
      specs.push({ kind: 'query', q })
      continue
    }
    lost = true
    const described = original.map(printLiteral).join(' ')
    notes.push(
      options.mastodonSearch === true
        ? `Mastodon search cannot look for ${described}, so those posts are not collected there.`
        : `Without a Mastodon search token only hashtag timelines are followed: posts matching ${described} are not collected there.`,
    )
  }
  if (usedSearch) {
    notes.push('Mastodon full-text search only finds posts from accounts that opted into search, on instances that run a search engine.')
  }
  const capped = capSpecs(specs, maxSpecs, 'mastodon')
  notes.push(...capped.notes)
  return {
    network: 'mastodon',
    specs: capped.specs,
    complete: !lost && !usedSearch && capped.notes.length === 0 && capped.specs.length > 0,
    note: joinNotes(notes),
  }
}
