// The sentiment reader for social posts: a score in [-1, 1] from opinion words, read clause by
// clause (clauses end at punctuation and at contrast words):
//  - a negation flips (×NEGATED, "not good" is milder than "bad") the opinion words after it,
//    up to NEGATION_SCOPE words and never past its clause;
//  - a booster or dampener scales the next opinion word (a booster that is also an opinion word,
//    "super", "bem", counts as one when no opinion word follows it); a word in CAPITALS (in a post that is
//    not all capitals) counts more, and so does a clause ending in "!" (up to three);
//  - after a contrast word ("but", "mais", "aber", "pero", "ma", "mas") words count ×AFTER, the
//    clauses before it ×BEFORE; a clause opened by a concession ("although", "aunque", "obwohl",
//    "sebbene", "embora") counts ×BEFORE too: "loved it although it was long" is praise;
//  - names are not opinions: @mentions, Capitalised words inside a sentence (and runs of them),
//    CamelCase hashtags (#BuonaScuola) are skipped; a plain hashtag counts as its word (#fail);
//  - emoji and emoticons add their own polarity, each symbol once, capped at ±EMOJI_CAP;
//  - laughter ("haha", "mdr", "jaja", "kkk", 😂) counts once and little: it is not praise.
// Then tanh, and a per-language calibration (sentiment-calibration.ts) onto the shared scale.

import { scanLinks } from './extract-links.ts'
import { isSupportedLanguage, type SupportedLanguage } from './languages.ts'
import { calibrate } from './sentiment-calibration.ts'
import { emojiPolarity } from './sentiment-emoji.ts'
import * as lexicons from './sentiment-lexicon.ts'
import { lexiconFor, type SentimentLexicon } from './sentiment-lexicon.ts'
import { phraseAt } from './sentiment-phrases.ts'
import * as infoOf from './sentiment-token-info.ts'
import type { TokenInfo } from './sentiment-token-info.ts'
import { sentimentTokens } from './sentiment-tokens.ts'
import { READER_WEIGHTS } from './sentiment-weights.ts'

// Module-local copies of what the hot loop reads: imported bindings may go through an accessor on
// every read when modules are compiled to CommonJS (tsx, the benches and tests).
const W = READER_WEIGHTS
const { NEGATION, CONTRAST, CONCESSION, BOOSTER, DAMPENER, LAUGHTER } = lexicons
const { WORD, MENTION, HASHTAG, BREAK, SYMBOL, knownTokens, tokenInfo } = infoOf
const phraseAtStart = phraseAt
const polarityOf = emojiPolarity

const ENDS_SENTENCE = new Set(['.', '!', '?', '…', '\n', ':', '¿', '¡', '？', '！', '。'])

/** The running state of one read; module-level so a post allocates no closure. */
const state = { before: 0, current: 0, clause: 0, exclamations: 0, question: false, negatedLeft: 0, negationGoverned: true, scale: 1, conceded: false }
let infos: TokenInfo[] = []

function closeClause(): void {
  // A negation that reached no opinion word still says something is missing or wrong.
  if (!state.negationGoverned) state.clause += W.bareNegation
  let weight = 1 + W.exclamation * Math.min(state.exclamations, 3)
  if (state.question && state.exclamations === 0) weight *= W.question
  if (state.conceded) weight *= W.beforeContrast
  state.current += state.clause * weight
  state.clause = 0
  state.exclamations = 0
  state.question = false
  state.negatedLeft = 0
  state.negationGoverned = true
  state.scale = 1
  state.conceded = false
}

/** The token at `i` is an opinion word or a cue a booster may qualify ("bien bueno", "muy muy"). */
function qualifiesNext(i: number, count: number): boolean {
  const next = i < count ? infos[i] : undefined
  if (next === undefined || (next.kind !== WORD && next.kind !== HASHTAG)) return false
  return next.value !== 0 && next.value !== CONTRAST && next.value !== CONCESSION && next.value !== LAUGHTER && next.value !== NEGATION
}

/** Raw score in [-1, 1] of the tokens of sentimentTokens, before calibration. */
export function sentimentOfTokens(tokens: readonly string[], lexicon: SentimentLexicon, hasLink = false): number {
  const known = knownTokens(lexicon)
  if (infos.length < tokens.length) infos = new Array<TokenInfo>(tokens.length)
  // A post mostly in Capitals or CAPITALS is styled, not naming or shouting on each word.
  let words = 0
  let capitalised = 0
  let shouted = 0
  for (let i = 0; i < tokens.length; i++) {
    const info = tokenInfo(known, lexicon, tokens[i] as string)
    infos[i] = info
    if (info.kind !== WORD) continue
    words++
    if (info.shouted) shouted++
    else if (info.capitalised) capitalised++
  }
  const namesByCase = capitalised + shouted < 0.7 * words
  const emphasisByCase = shouted < 0.5 * words

  state.before = 0 // clauses before the last contrast word
  state.current = 0 // clauses after it (or all, when none)
  state.clause = 0
  state.exclamations = 0
  state.question = false
  state.negatedLeft = 0
  state.negationGoverned = true // the last negation reached an opinion word
  state.scale = 1
  state.conceded = false
  let sawContrast = false
  let sentenceStart = true
  let previousWasCapital = false
  let laughed = false
  let emoji = 0
  let seenSymbols = ''

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string
    const info = infos[i] as TokenInfo
    const kind = info.kind
    if (kind === MENTION) continue
    if (kind === BREAK) {
      if (token === '!' || token === '！') state.exclamations++
      else if (token === '?' || token === '？') state.question = true
      closeClause()
      if (ENDS_SENTENCE.has(token)) sentenceStart = true
      previousWasCapital = false
      continue
    }
    if (kind === SYMBOL) {
      const polarity = polarityOf(token)
      if (polarity === undefined || seenSymbols.includes(token)) continue
      seenSymbols += token
      if (polarity === 0) laughed = true
      else emoji += polarity
      continue
    }
    const hashtag = kind === HASHTAG
    const atStart = sentenceStart
    sentenceStart = false
    if (hashtag && info.camelCase) continue
    // A set phrase reads as one opinion word, whatever its words say alone ("menos mal").
    const phrase = info.startsPhrase && !hashtag ? phraseAtStart(lexicon.phrases, tokens, i, info.lower) : undefined
    if (phrase !== undefined) i += phrase.words.length - 1
    let value = phrase?.value ?? info.value
    if (value === NEGATION) {
      if (!hashtag) {
        if (!state.negationGoverned) state.clause += W.bareNegation
        state.negatedLeft = W.negationScope
        state.negationGoverned = false
      }
      continue
    }
    if (value === CONTRAST) {
      closeClause()
      state.before += state.current
      state.current = 0
      sawContrast = true
      continue
    }
    if (value === CONCESSION) {
      closeClause()
      state.conceded = true
      continue
    }
    if (value === BOOSTER) {
      // "super bello" boosts; "super!" and "ficou bem" praise.
      const alone = lexicon.boosterAlone.get(info.lower)
      if (alone === undefined || qualifiesNext(i + 1, tokens.length)) { state.scale *= W.booster; continue }
      value = alone
    }
    if (value === DAMPENER) { state.scale *= W.dampener; continue }
    if (value === LAUGHTER) { laughed = true; continue }
    // A Capitalised word inside a sentence, or one that starts a run of them, is a name. German
    // capitalises every noun, so there only a run of capitalised words is read as a name.
    const capital = !hashtag && info.capitalised
    const nextIsCapital = i + 1 < tokens.length && (infos[i + 1] as TokenInfo).kind === WORD && (infos[i + 1] as TokenInfo).capitalised
    const isName: boolean = namesByCase && capital && (lexicon.lang === 'de'
      ? !atStart && (previousWasCapital || nextIsCapital)
      : !atStart || nextIsCapital)
    previousWasCapital = capital
    // A hashtag is a label on the post, outside the sentence's negation.
    const negated = state.negatedLeft > 0 && !hashtag
    if (state.negatedLeft > 0) state.negatedLeft--
    if (value === 0 || (isName && phrase === undefined)) continue
    let weight = (value < 0 ? value * W.negativeWord : value) * state.scale
    if (emphasisByCase && !hashtag && info.shouted) weight *= W.shouted
    if (negated) {
      weight *= W.negated
      state.negationGoverned = true
    }
    state.clause += weight
    state.scale = 1
  }
  closeClause()
  let total = sawContrast ? state.before * W.beforeContrast + state.current * W.afterContrast : state.current
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
