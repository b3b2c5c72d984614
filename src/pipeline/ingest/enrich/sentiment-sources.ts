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
// data, follows the majority: no pattern vocabulary, stemming. natural's German pattern list is
// SentiWS (CC BY-NC-SA 3.0: non-commercial, not compatible with the project's AGPL-3.0): unused.
//
// Other lexicons on the npm registry, compared on train by 5-fold held-out macro-F1
// (bench/sentiment/held-out.ts) and not taken:
//  - @owsas/sentiment-multilang (MIT; AFINN-111, ODbL, put into French, Spanish, Italian): French
//    +0.001, Spanish -0.005 to -0.009. Its German list carries SentiWS's weights, its Dutch list
//    valence norms of no stated licence.
//  - @nlpjs/lang-* (MIT): the same AFINN, senticon and pattern lists as natural, and a German
//    senticon of stemmed words with SentiWS-like weights and no stated source.
//  - More of the Emoji Sentiment Ranking (300 or all 751 emoji instead of 150): ±0.002.
// Taken: English opinion words borrowed in the other languages' posts (english-loanwords.ts), with
// the translated AFINN weighed 0.6 instead of 0.8: French +0.010, German +0.021, the others
// within ±0.002; mean of the six languages 0.592 → 0.596.
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
