// The sentiment reader for social posts: a score in [-1, 1] from opinion words, read clause by
// clause (clauses end at punctuation and at contrast words):
//  - a negation flips (×NEGATED, "not good" is milder than "bad") the opinion words after it,
//    up to NEGATION_SCOPE words and never past its clause;
//  - a booster or dampener scales the next opinion word; a word in CAPITALS (in a post that is
//    not all capitals) counts more, and so does a clause ending in "!" (up to three);
//  - after a contrast word ("but", "mais", "aber", "pero", "ma", "mas") words count ×AFTER, the
//    clauses before it ×BEFORE;
//  - names are not opinions: @mentions, Capitalised words inside a sentence (and runs of them),
//    CamelCase hashtags (#BuonaScuola) are skipped; a plain hashtag counts as its word (#fail);
//  - emoji and emoticons add their own polarity, each symbol once, capped at ±EMOJI_CAP;
//  - laughter ("haha", "mdr", "jaja", "kkk", 😂) counts once and little: it is not praise.
// Then tanh, and a per-language calibration (sentiment-calibration.ts) onto the shared scale.

import { scanLinks } from './extract-links.ts'
import { isSupportedLanguage, type SupportedLanguage } from './languages.ts'
import { calibrate } from './sentiment-calibration.ts'
import { emojiPolarity } from './sentiment-emoji.ts'
import { BOOSTER, CONTRAST, DAMPENER, LAUGHTER, lexiconFor, NEGATION, type SentimentLexicon, wordValue } from './sentiment-lexicon.ts'
import { sentimentTokens } from './sentiment-tokens.ts'
import { READER_WEIGHTS as W } from './sentiment-weights.ts'

const enum Kind { Word, Mention, Hashtag, Break, Symbol }

const BREAKS = new Set(['?', '¿', '!', '¡', '.', ';', ':', ',', '…', '(', ')', '\n', '？', '！', '。', '、'])
const LETTER = /^\p{L}/u
const LAST_LETTER = /[\p{L}\p{M}\p{N}_']$/u

function kindOf(token: string): Kind {
  const code = token.charCodeAt(0)
  if (code === 0x40 || code === 0xff20) return Kind.Mention
  if (code === 0x23 || code === 0xff03) return Kind.Hashtag
  if (token.length === 1 && BREAKS.has(token)) return Kind.Break
  const letter = code < 0x80 ? (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a : LETTER.test(token)
  if (!letter) return Kind.Symbol
  // "D:" is an emoticon, not a word.
  const last = token.charCodeAt(token.length - 1)
  return last >= 0x80 || isAsciiWordChar(last) || LAST_LETTER.test(token) ? Kind.Word : Kind.Symbol
}

const isUpper = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde && code !== 0xd7)
const isCapitalised = (token: string): boolean => isUpper(token.charCodeAt(0)) && token.length > 1 && !isUpper(token.charCodeAt(1))
const isAsciiWordChar = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x27

/** All in capitals, three letters or more; checked on char codes, without building strings. */
function isShouted(token: string): boolean {
  if (token.length < 3) return false
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i)
    if (c >= 0x61 && c <= 0x7a) return false
    if (c >= 0x80) return token === token.toUpperCase() && token !== token.toLowerCase()
  }
  return true
}
/** "BuonaScuola", "NeverAgain": a lower-case letter followed by a capital. */
const isCamelCase = (word: string): boolean => /\p{Ll}\p{Lu}/u.test(word)
const ENDS_SENTENCE = new Set(['.', '!', '?', '…', '\n', ':', '¿', '¡', '？', '！', '。'])

/** Raw score in [-1, 1] of the tokens of sentimentTokens, before calibration. */
export function sentimentOfTokens(tokens: readonly string[], lexicon: SentimentLexicon, hasLink = false): number {
  // A post mostly in Capitals or CAPITALS is styled, not naming or shouting on each word.
  let words = 0
  let capitalised = 0
  let shouted = 0
  for (const token of tokens) {
    if (kindOf(token) !== Kind.Word) continue
    words++
    if (isShouted(token)) shouted++
    else if (isCapitalised(token)) capitalised++
  }
  const namesByCase = capitalised + shouted < 0.7 * words
  const emphasisByCase = shouted < 0.5 * words

  let before = 0 // clauses before the last contrast word
  let current = 0 // clauses after it (or all, when none)
  let sawContrast = false
  let clause = 0
  let exclamations = 0
  let negatedLeft = 0
  let negationGoverned = true // the last negation reached an opinion word
  let question = false
  let scale = 1
  let sentenceStart = true
  let previousWasCapital = false
  let laughed = false
  let emoji = 0
  let seenSymbols = ''

  const closeClause = (): void => {
    // A negation that reached no opinion word still says something is missing or wrong.
    if (!negationGoverned) clause += W.bareNegation
    let weight = 1 + W.exclamation * Math.min(exclamations, 3)
    if (question && exclamations === 0) weight *= W.question
    current += clause * weight
    clause = 0
    exclamations = 0
    question = false
    negatedLeft = 0
    negationGoverned = true
    scale = 1
  }

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string
    const kind = kindOf(token)
    if (kind === Kind.Mention) continue
    if (kind === Kind.Break) {
      if (token === '!' || token === '！') exclamations++
      else if (token === '?' || token === '？') question = true
      closeClause()
      if (ENDS_SENTENCE.has(token)) sentenceStart = true
      previousWasCapital = false
      continue
    }
    if (kind === Kind.Symbol) {
      const polarity = emojiPolarity(token)
      if (polarity === undefined || seenSymbols.includes(token)) continue
      seenSymbols += token
      if (polarity === 0) laughed = true
      else emoji += polarity
      continue
    }
    const hashtag = kind === Kind.Hashtag
    const word = hashtag ? token.slice(1) : token
    const atStart = sentenceStart
    sentenceStart = false
    if (hashtag && isCamelCase(word)) continue
    const lower = word.toLowerCase()
    const value = wordValue(lexicon, lower)
    if (value === NEGATION) {
      if (!hashtag) {
        if (!negationGoverned) clause += W.bareNegation
        negatedLeft = W.negationScope
        negationGoverned = false
      }
      continue
    }
    if (value === CONTRAST) {
      closeClause()
      before += current
      current = 0
      sawContrast = true
      continue
    }
    if (value === BOOSTER) { scale *= W.booster; continue }
    if (value === DAMPENER) { scale *= W.dampener; continue }
    if (value === LAUGHTER) { laughed = true; continue }
    // A Capitalised word inside a sentence, or one that starts a run of them, is a name. German
    // capitalises every noun, so there only a run of capitalised words is read as a name.
    const capital = !hashtag && isCapitalised(word)
    const nextIsCapital = i + 1 < tokens.length && isCapitalised(tokens[i + 1] as string)
    const isName: boolean = namesByCase && capital && (lexicon.lang === 'de'
      ? !atStart && (previousWasCapital || nextIsCapital)
      : !atStart || nextIsCapital)
    previousWasCapital = capital
    // A hashtag is a label on the post, outside the sentence's negation.
    const negated = negatedLeft > 0 && !hashtag
    if (negatedLeft > 0) negatedLeft--
    if (value === 0 || isName) continue
    let weight = (value < 0 ? value * W.negativeWord : value) * scale
    if (emphasisByCase && !hashtag && isShouted(word)) weight *= W.shouted
    if (negated) {
      weight *= W.negated
      negationGoverned = true
    }
    clause += weight
    scale = 1
  }
  closeClause()
  let total = sawContrast ? before * W.beforeContrast + current * W.afterContrast : current
  total += Math.max(-W.emojiCap, Math.min(W.emojiCap, emoji)) * W.emoji
  if (laughed) total += W.laughter
  // A post sharing a link mostly reports (news, announcements); its words weigh less.
  if (hasLink) total *= W.withLink
  return Math.tanh(total)
}

/**
 * Sentiment of `text` on the shared scale, -1 … 1 (src/platform/shared/sentiment-label.ts gives its
 * label), or null when `lang` is not one of en, fr, es, de, it, pt, nl.
 */
export function sentiment(text: string, lang: string | null | undefined): number | null {
  const raw = rawSentiment(text, lang)
  return raw === null ? null : calibrate(raw, lang as SupportedLanguage)
}

/** The reader's score before calibration (for fitting the calibration). */
export function rawSentiment(text: string, lang: string | null | undefined): number | null {
  if (!isSupportedLanguage(lang)) return null
  const { links, textWithoutLinks } = scanLinks(text)
  return sentimentOfTokens(sentimentTokens(textWithoutLinks), lexiconFor(lang), links.length > 0)
}
