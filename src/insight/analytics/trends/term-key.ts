import { loadNaturalStemmer, type Stemmer } from '../../../pipeline/ingest/enrich/natural-vocabularies.ts'
import { isSupportedLanguage, type SupportedLanguage } from '../../../pipeline/ingest/enrich/languages.ts'
import { fold } from '../../../pipeline/query/fold.ts'

// Snowball-family stemmers, so "grève" and "grèves", "bike" and "bikes" count as one term. The
// stem is only a key: what people read is the form they wrote most (see count-terms.ts).
const STEMMER_MODULES: Record<SupportedLanguage, string> = {
  en: 'porter_stemmer', fr: 'porter_stemmer_fr', es: 'porter_stemmer_es', de: 'porter_stemmer_de',
  it: 'porter_stemmer_it', pt: 'porter_stemmer_pt', nl: 'porter_stemmer_nl',
}
const stemmers = new Map<SupportedLanguage, Stemmer>()

function stemmerFor(lang: SupportedLanguage): Stemmer {
  let stemmer = stemmers.get(lang)
  if (!stemmer) stemmers.set(lang, (stemmer = loadNaturalStemmer(STEMMER_MODULES[lang])))
  return stemmer
}

/**
 * The key a word is counted under: stemmed in the post's language (accents still on, as the
 * stemmers expect), then folded (case and accents off), so "Vélo", "velo" and "vélos" meet.
 * Words of posts in another or no language are only folded.
 */
export function termKey(word: string, lang: string | null): string {
  const lower = word.toLowerCase()
  const memoKey = `${lang ?? ''} ${lower}`
  let key = memo.get(memoKey)
  if (key === undefined) {
    key = withoutPlural(isSupportedLanguage(lang) ? fold(stemmerFor(lang).stem(lower)) || fold(lower) : fold(lower))
    // Stemming is the costly part and a conversation's vocabulary is small: remember the keys,
    // forgetting them all when the memo is full rather than growing without bound.
    if (memo.size >= MEMO_MAX) memo.clear()
    memo.set(memoKey, key)
  }
  return key
}

const MEMO_MAX = 200_000
const memo = new Map<string, string>()

// Some stemmers leave a plural "s" on short words (French "vélos"); every language here marks
// plurals so often with it that dropping one final "s" (not "ss") merges more than it confuses.
const withoutPlural = (key: string) => (key.length > 3 && key.endsWith('s') && !key.endsWith('ss') ? key.slice(0, -1) : key)
