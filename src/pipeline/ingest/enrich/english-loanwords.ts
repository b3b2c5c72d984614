// English opinion words in posts written in another language: "epic fail", "so sad", "love",
// "awesome" turn up in French, German, Italian, Portuguese, Spanish and Dutch posts alike. They
// come from natural's English AFINN-165 and rank after every list of the post's own language,
// weighted LOANWORD_WEIGHT. Left out: short words (more likely a word of the language spelt the
// same), English stopwords and no-opinion words, the language's own frequent words, and false
// friends written here (German "Gift" is poison, "Kind" a child; French "pain" is bread; Italian
// "fine" is an end).

import type { SupportedLanguage } from './languages.ts'
import { LANGUAGE_WORDS } from './language-words.ts'
import { loadNaturalVocabulary } from './natural-vocabularies.ts'
import { stopwordsFor } from './stopwords.ts'

/** A borrowed word says less than one of the language's own lists. */
export const LOANWORD_WEIGHT = 0.5
/** Shorter English words are too often words of the post's language too. */
const SHORTEST_LOANWORD = 4

const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/).filter(Boolean))

/** English spellings that are other words, with another sense, in the language. */
const FALSE_FRIENDS: Record<SupportedLanguage, Set<string>> = {
  en: words(''),
  fr: words('pain fine rude grand'),
  es: words('sensible'),
  pt: words('pure'),
  it: words('fine pure'),
  de: words('gift kind hell'),
  nl: words('gift kind'),
}

/** English word → polarity on -1..1 (before LOANWORD_WEIGHT), for posts in `lang`; none for English. */
export function englishLoanwords(lang: SupportedLanguage): [string, number][] {
  if (lang === 'en') return []
  const englishStopwords = stopwordsFor('en')
  const own = new Set(LANGUAGE_WORDS[lang])
  const entries: [string, number][] = []
  for (const [word, polarity] of loadNaturalVocabulary('English', 'afinn').entries) {
    if (word.length < SHORTEST_LOANWORD || word.includes(' ') || englishStopwords.has(word)) continue
    if (own.has(word) || FALSE_FRIENDS[lang].has(word)) continue
    entries.push([word, polarity / 5])
  }
  return entries
}
