// Whether a post asks something, for the "answer these" inbox: a "?" (or "¿") outside links, or
// a sentence that opens like a question in the post's language. Without a supported language only
// the question mark counts: "was" opens German questions but English statements.

import { scanLinks } from './extract-links.ts'
import { isSupportedLanguage } from './languages.ts'
import { QUESTION_OPENERS, type QuestionOpeners } from './question-words.ts'
import { isWord, tokenize } from './tokenize.ts'

/** French subject inversion: "avez-vous", "peut-on", "a-t-il". */
const FRENCH_INVERSION = /-(?:t-)?(?:je|tu|il|elle|on|nous|vous|ils|elles)$/
const SENTENCE_ENDS = new Set(['.', '!', '\n', '…', '！', '。'])
/** Tokens skipped at the start of a sentence: "¡", emoji, hashtags, commas. */
const isLead = (token: string): boolean => !isWord(token)

function opensQuestion(first: string, second: string | undefined, rules: QuestionOpeners, french: boolean): boolean {
  if (rules.askers.has(first)) return true
  if (second !== undefined && rules.pairs.has(`${first} ${second}`)) return true
  if (french && FRENCH_INVERSION.test(first)) return true
  if (rules.interrogatives.has(first)) {
    if (second === undefined) return true
    if (rules.notBefore.has(second)) return false
    if (rules.how.has(first) && rules.infinitive?.test(second)) return false
    if (rules.invertedOnly.has(first)) return rules.verbs.has(second) || rules.afterInverted.has(second)
    return true
  }
  return second !== undefined && rules.verbs.has(first) && rules.subjects.has(second)
}

/** Question detection over tokens from `tokenize`; see isQuestion. */
export function isQuestionFromTokens(tokens: readonly string[], lang: string | null | undefined): boolean {
  for (const token of tokens) if (token === '?' || token === '¿' || token === '？') return true
  if (!isSupportedLanguage(lang)) return false
  const rules = QUESTION_OPENERS[lang]
  let start = 0
  while (start < tokens.length) {
    let end = start
    while (end < tokens.length && !SENTENCE_ENDS.has(tokens[end])) end++
    const exclamation = tokens[end] === '!' || tokens[end] === '！'
    if (!exclamation) {
      let first = start
      while (first < end && isLead(tokens[first])) first++
      if (first < end) {
        const second = first + 1 < end && !isLead(tokens[first + 1]) ? tokens[first + 1] : undefined
        if (opensQuestion(tokens[first], second, rules, lang === 'fr')) return true
      }
    }
    start = end + 1
  }
  return false
}

/** True when the text asks a question (see the header for the rules); `lang` as ISO 639-1. */
export function isQuestion(text: string, lang: string | null | undefined): boolean {
  return isQuestionFromTokens(tokenize(scanLinks(text).textWithoutLinks), lang)
}
