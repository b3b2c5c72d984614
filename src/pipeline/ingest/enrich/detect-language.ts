// Language detection for the supported languages by frequent words, with accent and suffix cues
// for words the lists do not know. Returns null rather than guess: too little evidence, two
// languages close together (mixed text), or text that looks like an unsupported language.

import { scanLinks } from './extract-links.ts'
import { LANGUAGE_COUNT } from './language-index.ts'
import { SUPPORTED_LANGUAGES } from './languages.ts'
import { addTally, languageFromScripts, type ScriptTally } from './script-language.ts'
import { isWord, tokenize } from './tokenize.ts'
import { wordEvidence } from './word-evidence.ts'

/** Words looked at; enough for a verdict, and it bounds the cost on long posts. */
const MAX_WORDS = 60
/** Evidence needed: about two words found only in the winning language. */
const MIN_SCORE = 1.5
/** The winner must lead the runner-up by this factor and margin, else the text is mixed. */
const MIN_RATIO = 1.5
const MIN_MARGIN = 1

/** Detection over tokens from `tokenize`; see detectLanguage. */
export function detectLanguageFromTokens(tokens: readonly string[]): string | null {
  const scores = new Float64Array(LANGUAGE_COUNT)
  const scripts: ScriptTally = { latin: 0, other: new Map() }
  let decoy = 0
  let words = 0
  for (const token of tokens) {
    if (!isWord(token)) continue
    if (++words > MAX_WORDS) break
    const evidence = wordEvidence(token)
    if (evidence.scripts) addTally(scripts, evidence.scripts)
    else scripts.latin += token.length
    if (evidence.decoy) decoy++
    for (const lang of evidence.langs) scores[lang] += evidence.weight
  }
  const byScript = languageFromScripts(scripts)
  if (byScript !== undefined) return byScript

  let best = 0
  let second = 0
  let winner = -1
  for (let lang = 0; lang < LANGUAGE_COUNT; lang++) {
    const score = scores[lang]
    if (score > best) {
      second = best
      best = score
      winner = lang
    } else if (score > second) {
      second = score
    }
  }
  if (winner < 0 || best < MIN_SCORE) return null
  // The epsilon keeps sums of thirds (1/3 + 1/3 + 1/3) from missing the margin by rounding.
  if (best < second * MIN_RATIO || best - second < MIN_MARGIN - 1e-9) return null
  if (decoy >= best) return null
  return SUPPORTED_LANGUAGES[winner]
}

/**
 * ISO 639-1 code of the text's language, or null when unsure. Covers en, fr, es, de, it, pt, nl
 * by vocabulary, plus languages with a script of their own (ja, ko, el, he, th, hy, ka).
 */
export function detectLanguage(text: string): string | null {
  return detectLanguageFromTokens(tokenize(scanLinks(text).textWithoutLinks))
}
