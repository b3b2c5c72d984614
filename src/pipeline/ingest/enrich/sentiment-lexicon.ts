// Per-language sentiment lexicon. Opinion words, by priority: the hand-written supplement and
// everyday words (sentiment-supplement.ts, sentiment-everyday.ts; set phrases apart), then
// natural's vocabularies, then the translated AFINN list (weighted TRANSLATED_WEIGHT, it is the
// noisiest), then English opinion words borrowed in the language's posts (english-loanwords.ts);
// stopwords carry none. Words not listed match by stem only when the stem is long
// enough to name one word family (SHORTEST_STEM: "chico" must not match "chic"); a regular
// gender or plural form finds its dictionary form (inflections.ts: "buenos", "belle"). Built once per
// language on first use (10–300 ms) and kept; a lookup is well under a microsecond.

import { unstretched } from './elongation.ts'
import { englishLoanwords, LOANWORD_WEIGHT } from './english-loanwords.ts'
import { inflectionBases } from './inflections.ts'
import { isLaughter } from './sentiment-laughter.ts'
import type { SupportedLanguage } from './languages.ts'
import { loadNaturalStemmer, loadNaturalVocabulary, type Stemmer, type VocabularyType } from './natural-vocabularies.ts'
import { BOOSTERS, BOOSTERS_ALONE, CONCESSIONS, CONTRASTS, DAMPENERS, NEGATIONS } from './sentiment-cues.ts'
import { LEXICON_SOURCES } from './sentiment-sources.ts'
import { EVERYDAY } from './sentiment-everyday.ts'
import { type Phrase, phrasesFor } from './sentiment-phrases.ts'
import { SUPPLEMENT } from './sentiment-supplement.ts'
import { stopwordsFor } from './stopwords.ts'
import { superlativeBases } from './superlatives.ts'
import { loadTranslatedAfinn } from './translated-afinn.ts'

/** AFINN rates -5..5; the others already use -1..1. */
const SCALE: Record<VocabularyType, number> = { afinn: 5, senticon: 1, pattern: 1 }
/**
 * Polarities this close to 0 are noise (pattern's German list has thousands at ±0.005). Pattern
 * rates adjectives by their use in reviews, and its mild ratings ("jeune" 0.32, "fort" 0.41,
 * "dernier" -0.29, "long" -0.4) describe rather than judge: only its clear ones count (5-fold
 * held-out macro-F1 on French train tweets +0.009, level for floors from 0.4 to 0.7).
 */
const NOISE_FLOOR: Record<VocabularyType, number> = { afinn: 0.1, senticon: 0.1, pattern: 0.5 }
/** The same floor for the lists outside natural's vocabularies. */
const LIST_FLOOR = 0.1
/** The machine-translated list counts for less than curated vocabularies. */
export const TRANSLATED_WEIGHT = 0.6
/** Shortest stem a word may be matched by. */
const SHORTEST_STEM = 5
/** Shortest dictionary form an inflected word may take its value from, unless hand-written. */
const SHORTEST_LISTED_BASE = 4
/** Bound on remembered word values; cleared when full, which is rare and cheap. */
const MAX_RESOLVED_WORDS = 100_000

/** Word values outside [-1, 1]: the word steers the others instead of scoring. */
export const NEGATION = 2
export const CONTRAST = 3
export const BOOSTER = 4
export const DAMPENER = 5
export const LAUGHTER = 6
export const CONCESSION = 7

export interface SentimentLexicon {
  lang: SupportedLanguage
  exact: Map<string, number>
  stemmed: Map<string, number>
  stemmer: Stemmer | null
  /** word → value already worked out (see wordValue). */
  resolved: Map<string, number>
  cues: Map<string, number>
  /** Boosters that score on their own when they qualify no opinion word (sentiment-cues.ts). */
  boosterAlone: Map<string, number>
  /** Set phrases by first word (sentiment-phrases.ts). */
  phrases: Map<string, Phrase[]>
  /** Stopwords, scored 0 unless they inflect a hand-written opinion word ("buenos"). */
  stopwords: Set<string>
  /** The hand-written opinion words (supplement and everyday words). */
  handWritten: Set<string>
}

const clamp = (value: number): number => Math.max(-1, Math.min(1, value))

function buildLexicon(lang: SupportedLanguage): SentimentLexicon {
  const source = LEXICON_SOURCES[lang]
  const stopwords = stopwordsFor(lang)
  const cues = new Map<string, number>()
  for (const word of BOOSTERS[lang]) cues.set(word, BOOSTER)
  for (const word of DAMPENERS[lang]) cues.set(word, DAMPENER)
  for (const word of CONTRASTS[lang]) cues.set(word, CONTRAST)
  for (const word of CONCESSIONS[lang]) cues.set(word, CONCESSION)
  for (const word of NEGATIONS[lang]) cues.set(word, NEGATION)

  const exact = new Map<string, number>()
  const add = (word: string, polarity: number, floor = LIST_FLOOR): void => {
    const key = word.toLowerCase()
    if (key.includes(' ') || exact.has(key) || cues.has(key) || stopwords.has(key)) return
    if (Math.abs(polarity) >= floor) exact.set(key, clamp(polarity))
  }
  const supplement = { ...EVERYDAY[lang], ...SUPPLEMENT[lang] }
  // Hand-written words win over everything, stopword lists included ("bien" is an opinion).
  for (const [word, weight] of Object.entries(supplement)) if (weight !== 0) exact.set(word, weight)
  const removed = new Set(Object.keys(supplement).filter((word) => supplement[word] === 0))
  for (const type of source.vocabularies) {
    const vocabulary = loadNaturalVocabulary(source.natural, type)
    for (const word of vocabulary.negations) if (!cues.has(word.toLowerCase())) cues.set(word.toLowerCase(), NEGATION)
    for (const [word, polarity] of vocabulary.entries) if (!removed.has(word)) add(word, polarity / SCALE[type], NOISE_FLOOR[type])
  }
  for (const [word, polarity] of loadTranslatedAfinn(lang)) if (!removed.has(word)) add(word, (TRANSLATED_WEIGHT * polarity) / 5)
  for (const [word, polarity] of englishLoanwords(lang)) if (!removed.has(word)) add(word, LOANWORD_WEIGHT * polarity)

  const stemmer = source.stemmer === null ? null : loadNaturalStemmer(source.stemmer)
  const stemmed = new Map<string, number>()
  if (stemmer) {
    // Hand-written words first so their stems win over the vocabularies'.
    for (const word of [...Object.keys(supplement), ...exact.keys()]) {
      const weight = exact.get(word)
      const stem = stemmer.stem(word)
      if (weight !== undefined && stem.length >= SHORTEST_STEM && !stemmed.has(stem)) stemmed.set(stem, weight)
    }
  }
  for (const word of stopwords) if (!exact.has(word) && !cues.has(word)) exact.set(word, 0)
  const handWritten = new Set(Object.keys(supplement).filter((word) => supplement[word] !== 0))
  const boosterAlone = new Map(Object.entries(BOOSTERS_ALONE[lang]))
  return { lang, exact, stemmed, stemmer, resolved: new Map(), cues, boosterAlone, phrases: phrasesFor(lang), stopwords, handWritten }
}

const lexicons = new Map<SupportedLanguage, SentimentLexicon>()

export function lexiconFor(lang: SupportedLanguage): SentimentLexicon {
  let lexicon = lexicons.get(lang)
  if (!lexicon) {
    lexicon = buildLexicon(lang)
    lexicons.set(lang, lexicon)
  }
  return lexicon
}

function lookUp(lexicon: SentimentLexicon, word: string): number | undefined {
  const direct = lexicon.exact.get(word)
  if (direct !== undefined || !lexicon.stemmer || word.length <= SHORTEST_STEM) return direct
  const stem = lexicon.stemmer.stem(word)
  return stem.length >= SHORTEST_STEM ? lexicon.stemmed.get(stem) : undefined
}

function classify(lexicon: SentimentLexicon, word: string): number {
  const cue = lexicon.cues.get(word)
  if (cue !== undefined) return cue
  if (isLaughter(word)) return LAUGHTER
  const polarity = lookUp(lexicon, word)
  if (polarity !== undefined && (polarity !== 0 || !lexicon.stopwords.has(word))) return polarity
  // "buenos", "belle", "déçues": the dictionary form of a regular inflection. A stopword counts
  // only as a hand-written opinion word's form (Spanish lists "buenos" among its stopwords).
  for (const base of inflectionBases(lexicon.lang, word)) {
    const baseValue = lexicon.exact.get(base)
    if (baseValue === undefined || baseValue === 0 || Math.abs(baseValue) > 1) continue
    // Short bases ("ore" → "ora") are too often another word: only hand-written ones count.
    const trusted = lexicon.handWritten.has(base)
    if (!trusted && base.length < SHORTEST_LISTED_BASE) continue
    if (polarity === undefined || trusted) return baseValue
  }
  if (polarity !== undefined) return polarity
  for (const base of superlativeBases(lexicon.lang, word)) {
    const basePolarity = lookUp(lexicon, base)
    // A superlative says more than its base adjective.
    if (basePolarity !== undefined) return clamp(basePolarity * 1.25)
  }
  // "noooo" negates as "no" does, "geniaaal" praises as "genial" does.
  for (const spelling of unstretched(word)) {
    const value = classify(lexicon, spelling)
    if (value !== 0) return value
  }
  return 0
}

/**
 * A lower-cased word's polarity in [-1, 1] (0 when it has none), or one of the cue values.
 * Remembered per lexicon, so a word seen before costs one lookup.
 */
export function wordValue(lexicon: SentimentLexicon, word: string): number {
  let value = lexicon.resolved.get(word)
  if (value === undefined) {
    if (lexicon.resolved.size >= MAX_RESOLVED_WORDS) lexicon.resolved.clear()
    value = classify(lexicon, word)
    lexicon.resolved.set(word, value)
  }
  return value
}
