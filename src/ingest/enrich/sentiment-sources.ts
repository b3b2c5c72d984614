// Which of natural's vocabularies and stemmers each language's sentiment lexicon uses.

import type { SupportedLanguage } from './languages.ts'
import type { VocabularyType } from './natural-vocabularies.ts'

export interface LexiconSource {
  /** natural's name for the language. */
  natural: string
  /** Vocabularies in priority order (the first one that lists a word wins). */
  vocabularies: VocabularyType[]
  /** natural stemmer module, or null when stemming did no better on the sample sentences. */
  stemmer: string | null
}

// Chosen by sign accuracy on bench/enrich/sentiment-samples.ts (bench/enrich/accuracy.ts prints
// every combination). Stemming helps es, de, pt, nl and it (Italian only showed it on the
// held-out sentences); for en and fr it changed nothing (their vocabularies list inflected
// forms), so they skip it: stemming a new word costs 2–15 µs.
export const LEXICON_SOURCES: Record<SupportedLanguage, LexiconSource> = {
  en: { natural: 'English', vocabularies: ['afinn', 'pattern'], stemmer: null },
  fr: { natural: 'French', vocabularies: ['pattern'], stemmer: null },
  es: { natural: 'Spanish', vocabularies: ['senticon', 'afinn'], stemmer: 'porter_stemmer_es' },
  pt: { natural: 'Portuguese', vocabularies: ['afinn'], stemmer: 'porter_stemmer_pt' },
  it: { natural: 'Italian', vocabularies: ['pattern'], stemmer: 'porter_stemmer_it' },
  de: { natural: 'German', vocabularies: ['pattern'], stemmer: 'porter_stemmer_de' },
  nl: { natural: 'Dutch', vocabularies: ['pattern'], stemmer: 'porter_stemmer_nl' },
}

/** natural's stemmer module per language, whether or not the lexicon uses it. */
export const NATURAL_STEMMERS: Record<SupportedLanguage, string> = {
  en: 'porter_stemmer',
  fr: 'porter_stemmer_fr',
  es: 'porter_stemmer_es',
  pt: 'porter_stemmer_pt',
  it: 'porter_stemmer_it',
  de: 'porter_stemmer_de',
  nl: 'porter_stemmer_nl',
}

/** The vocabulary types natural 8 ships per language. */
export const NATURAL_VOCABULARIES: Record<SupportedLanguage, VocabularyType[]> = {
  en: ['afinn', 'senticon', 'pattern'],
  fr: ['pattern'],
  es: ['afinn', 'senticon'],
  pt: ['afinn'],
  it: ['pattern'],
  de: ['pattern'],
  nl: ['pattern'],
}
