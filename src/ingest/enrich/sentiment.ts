// Lexicon sentiment in [-1, 1], or null for languages without a lexicon (never a guess).
// Score = tanh(Σ word polarities), where
//  - a negation flips (×-0.75: "not good" is milder than "bad") the next 3 words of its clause;
//  - after a contrast word ("but", "mais", "aber") words count ×1.5 and before it ×0.5;
//  - hashtags count as words (#fail), emoji count in every language.
// tanh keeps one strong word clearly signed (0.8 → 0.66) and saturates smoothly on long rants.
// natural's own getSentiment is not used for scoring: it negates to the end of the text, divides
// by the word count (long posts fade to 0) and has no negations for French or Italian.

import { scanLinks } from './extract-links.ts'
import { isSupportedLanguage, type SupportedLanguage } from './languages.ts'
import { calibrate } from './sentiment-calibration.ts'
import { CLAUSE_BREAK, CONTRAST, lexiconFor, NEGATION, type SentimentLexicon, tokenValue } from './sentiment-lexicon.ts'
import { tokenize } from './tokenize.ts'

const NEGATION_SCOPE = 3
const NEGATED_WEIGHT = -0.75
const BEFORE_CONTRAST_WEIGHT = 0.5
const AFTER_CONTRAST_WEIGHT = 1.5

/** Sentiment of tokens from `tokenize` against a lexicon; see sentiment(). */
export function sentimentFromTokens(tokens: readonly string[], lexicon: SentimentLexicon): number {
  let beforeContrast = 0
  let current = 0
  let sawContrast = false
  let negatedWordsLeft = 0
  for (const token of tokens) {
    const value = tokenValue(lexicon, token)
    if (value === CLAUSE_BREAK) {
      negatedWordsLeft = 0
    } else if (value === NEGATION) {
      negatedWordsLeft = NEGATION_SCOPE
    } else if (value === CONTRAST) {
      beforeContrast += current
      current = 0
      sawContrast = true
      negatedWordsLeft = 0
    } else if (negatedWordsLeft > 0) {
      negatedWordsLeft--
      current += value * NEGATED_WEIGHT
    } else {
      current += value
    }
  }
  const total = sawContrast ? beforeContrast * BEFORE_CONTRAST_WEIGHT + current * AFTER_CONTRAST_WEIGHT : current
  return Math.tanh(total)
}

/**
 * Sentiment of `text` in [-1, 1] (negative to positive, 0 neutral or unknown words), or null when
 * `lang` is not one of en, fr, es, de, it, pt, nl.
 */
export function sentiment(text: string, lang: string | null | undefined): number | null {
  const raw = rawSentiment(text, lang)
  return raw === null ? null : calibrate(raw, lang as SupportedLanguage)
}

/** The reader's score before calibration (for fitting the calibration). */
export function rawSentiment(text: string, lang: string | null | undefined): number | null {
  if (!isSupportedLanguage(lang)) return null
  return sentimentFromTokens(tokenize(scanLinks(text).textWithoutLinks), lexiconFor(lang))
}
