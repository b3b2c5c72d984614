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

// Chosen on the training split of real labelled tweets (bench/sentiment, --split train
// --calibrate): natural's pattern vocabularies lowered macro-F1 in English, Italian and German
// (0.02–0.03) and helped only in French; Spanish senticon scores many everyday words ("un",
// "horas", "encantador" -0.375) and cost 0.03; natural's Portuguese AFINN did no better than the
// translated AFINN every language gets (translated-afinn.ts). Stemming helped in es, pt, it, de
// and fr (0.01–0.02), not in English (its AFINN lists inflected forms). Dutch, with no labelled
// data, follows the majority: no pattern vocabulary, stemming.
export const LEXICON_SOURCES: Record<SupportedLanguage, LexiconSource> = {
  en: { natural: 'English', vocabularies: ['afinn'], stemmer: null },
  fr: { natural: 'French', vocabularies: ['pattern'], stemmer: 'porter_stemmer_fr' },
  es: { natural: 'Spanish', vocabularies: ['afinn'], stemmer: 'porter_stemmer_es' },
  pt: { natural: 'Portuguese', vocabularies: [], stemmer: 'porter_stemmer_pt' },
  it: { natural: 'Italian', vocabularies: [], stemmer: 'porter_stemmer_it' },
  de: { natural: 'German', vocabularies: [], stemmer: 'porter_stemmer_de' },
  nl: { natural: 'Dutch', vocabularies: [], stemmer: 'porter_stemmer_nl' },
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
