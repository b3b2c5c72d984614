// Stopwords per language: natural's lists (en, fr, es, it, pt, nl) plus our NO_OPINION words. A
// stopword never carries polarity, whatever a vocabulary says (the Spanish article "un" scored
// -0.375); negations, contrasts and boosters are read before this check, so "pas" still negates.

import { createRequire } from 'node:module'
import type { SupportedLanguage } from './languages.ts'
import { NO_OPINION } from './sentiment-cues.ts'

const NATURAL_LISTS: Partial<Record<SupportedLanguage, string>> = {
  en: 'stopwords', fr: 'stopwords_fr', es: 'stopwords_es', it: 'stopwords_it', pt: 'stopwords_pt', nl: 'stopwords_nl',
}

export function stopwordsFor(lang: SupportedLanguage): Set<string> {
  const set = new Set(NO_OPINION[lang])
  const module = NATURAL_LISTS[lang]
  if (module) {
    const loaded = createRequire(import.meta.url)(`natural/lib/natural/util/${module}.js`) as { words?: unknown }
    if (Array.isArray(loaded.words)) for (const word of loaded.words) if (typeof word === 'string') set.add(word.toLowerCase())
  }
  return set
}
