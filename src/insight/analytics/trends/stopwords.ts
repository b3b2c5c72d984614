// Stopword lists of every language enrichment detects, from stopwords-iso (MIT): broad lists,
// which also drop chatter such as "took", "whole" or "encore" that PostgreSQL's short lists keep.
// Stored folded (no case, no accents) because they are compared with folded words.

import { createRequire } from 'node:module'
import { z } from 'zod'
import { SUPPORTED_LANGUAGES, isSupportedLanguage } from '../../../pipeline/ingest/enrich/languages.ts'
import { fold } from '../../../pipeline/query/fold.ts'

const require = createRequire(import.meta.url)
const listsSchema = z.record(z.string(), z.array(z.string()))

let byLanguage: Map<string, ReadonlySet<string>> | undefined
let anyLanguage: ReadonlySet<string> | undefined

function load(): Map<string, ReadonlySet<string>> {
  if (byLanguage) return byLanguage
  const lists = listsSchema.parse(require('stopwords-iso/stopwords-iso.json'))
  byLanguage = new Map(SUPPORTED_LANGUAGES.map((lang) => [lang, new Set((lists[lang] ?? []).map(fold))]))
  anyLanguage = new Set([...byLanguage.values()].flatMap((s) => [...s]))
  return byLanguage
}

/**
 * The folded stopwords that apply to a post in `lang`: its language's list and English's (posts
 * in every language borrow English filler); every list when the language is unknown.
 */
export function stopwordsFor(lang: string | null): (folded: string) => boolean {
  const lists = load()
  if (!isSupportedLanguage(lang)) return (w) => anyLanguage!.has(w)
  const own = lists.get(lang)!
  const english = lists.get('en')!
  return (w) => own.has(w) || english.has(w)
}
