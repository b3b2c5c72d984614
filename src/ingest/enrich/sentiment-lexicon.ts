// Per-language sentiment lexicon: natural's vocabularies (scaled to [-1, 1]) overridden by the
// supplement, plus a stemmed copy so inflections not listed still match. Built once per language
// on first use and kept: building costs 10–300 ms (Spanish stems 10,000 words), a lookup well
// under a microsecond.

import { LANGUAGE_WORDS } from './language-words.ts'
import type { SupportedLanguage } from './languages.ts'
import { loadNaturalStemmer, loadNaturalVocabulary, type Stemmer, type VocabularyType } from './natural-vocabularies.ts'
import { CONTRASTS, NEGATIONS } from './sentiment-cues.ts'
import { LEXICON_SOURCES, type LexiconSource } from './sentiment-sources.ts'
import { EMOJI_WEIGHTS, SUPPLEMENT } from './sentiment-supplement.ts'
import { superlativeBases } from './superlatives.ts'
import { isClauseBreak } from './tokenize.ts'

/** AFINN rates -5..5; the others already use -1..1. */
const SCALE: Record<VocabularyType, number> = { afinn: 5, senticon: 1, pattern: 1 }
/** Polarities this close to 0 are noise (pattern's German list has thousands at ±0.005). */
const NOISE_FLOOR = 0.1
/** Bound on remembered word polarities; cleared when full, which is rare and cheap. */
const MAX_RESOLVED_WORDS = 100_000

export interface SentimentLexicon {
  lang: SupportedLanguage
  exact: Map<string, number>
  stemmed: Map<string, number>
  stemmer: Stemmer | null
  /** token → value already worked out (see tokenValue). */
  resolved: Map<string, number>
  /** Frequent function words: matched exactly, never by stem (German "schon" stems like "schön"). */
  exactOnly: Set<string>
  negations: Set<string>
  contrasts: Set<string>
}

const clamp = (value: number): number => Math.max(-1, Math.min(1, value))

function buildLexicon(lang: SupportedLanguage, source: LexiconSource, withSupplement = true): SentimentLexicon {
  const exact = new Map<string, number>()
  const negations = new Set(NEGATIONS[lang])
  for (const type of source.vocabularies) {
    const vocabulary = loadNaturalVocabulary(source.natural, type)
    for (const word of vocabulary.negations) negations.add(word.toLowerCase())
    for (const [word, polarity] of vocabulary.entries) {
      const key = word.toLowerCase()
      if (key.includes(' ') || exact.has(key)) continue
      exact.set(key, clamp(polarity / SCALE[type]))
    }
  }
  const supplement = withSupplement ? { ...EMOJI_WEIGHTS, ...SUPPLEMENT[lang] } : {}
  for (const [word, weight] of Object.entries(supplement)) exact.set(word, weight)
  for (const [word, weight] of exact) if (Math.abs(weight) < NOISE_FLOOR) exact.delete(word)

  const stemmer = source.stemmer === null ? null : loadNaturalStemmer(source.stemmer)
  const stemmed = new Map<string, number>()
  if (stemmer) {
    // Hand-written words first so their stems win over the vocabulary's.
    const ordered = [...Object.keys(supplement), ...exact.keys()]
    for (const word of ordered) {
      const weight = exact.get(word)
      if (weight === undefined) continue
      const stem = stemmer.stem(word)
      if (!stemmed.has(stem)) stemmed.set(stem, weight)
    }
  }
  return {
    lang,
    exact,
    stemmed,
    stemmer,
    resolved: new Map(),
    exactOnly: new Set(LANGUAGE_WORDS[lang]),
    negations,
    contrasts: new Set(CONTRASTS[lang]),
  }
}

const lexicons = new Map<SupportedLanguage, SentimentLexicon>()

export function lexiconFor(lang: SupportedLanguage): SentimentLexicon {
  let lexicon = lexicons.get(lang)
  if (!lexicon) {
    lexicon = buildLexicon(lang, LEXICON_SOURCES[lang])
    lexicons.set(lang, lexicon)
  }
  return lexicon
}

function lookUp(lexicon: SentimentLexicon, word: string): number | undefined {
  const direct = lexicon.exact.get(word)
  if (direct !== undefined) return direct
  if (!lexicon.stemmer || lexicon.exactOnly.has(word)) return undefined
  return lexicon.stemmed.get(lexicon.stemmer.stem(word))
}

function resolvePolarity(lexicon: SentimentLexicon, word: string): number {
  const polarity = lookUp(lexicon, word)
  if (polarity !== undefined) return polarity
  for (const base of superlativeBases(lexicon.lang, word)) {
    const basePolarity = lookUp(lexicon, base)
    // A superlative says more than its base adjective.
    if (basePolarity !== undefined) return clamp(basePolarity * 1.25)
  }
  return 0
}

/** Token values outside [-1, 1] that mark the tokens steering the score rather than scoring. */
export const NEGATION = 2
export const CONTRAST = 3
export const CLAUSE_BREAK = 4

function classify(lexicon: SentimentLexicon, token: string): number {
  if (isClauseBreak(token)) return CLAUSE_BREAK
  const first = token.charCodeAt(0)
  const word = first === 0x23 || first === 0xff03 ? token.slice(1) : token // #hashtag counts as its word
  if (lexicon.negations.has(word)) return NEGATION
  if (lexicon.contrasts.has(word)) return CONTRAST
  return resolvePolarity(lexicon, word)
}

/**
 * A token's polarity in [-1, 1] (0 when unknown), or NEGATION, CONTRAST or CLAUSE_BREAK.
 * Remembered per lexicon, so a token seen before costs one lookup.
 */
export function tokenValue(lexicon: SentimentLexicon, token: string): number {
  let value = lexicon.resolved.get(token)
  if (value === undefined) {
    if (lexicon.resolved.size >= MAX_RESOLVED_WORDS) lexicon.resolved.clear()
    value = classify(lexicon, token)
    lexicon.resolved.set(token, value)
  }
  return value
}

/** For the accuracy script: build with another configuration, without caching it. */
export function buildLexiconWith(
  lang: SupportedLanguage,
  options: { vocabularies: VocabularyType[]; stemmer: string | null; withSupplement: boolean },
): SentimentLexicon {
  const source = { natural: LEXICON_SOURCES[lang].natural, vocabularies: options.vocabularies, stemmer: options.stemmer }
  return buildLexicon(lang, source, options.withSupplement)
}
