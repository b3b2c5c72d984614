// What the reader needs to know about one token, worked out once per distinct token (case kept)
// and per language, then remembered: its kind, its lower-cased word, its value in the lexicon
// and its case. Posts repeat tokens heavily, so most tokens cost one map lookup instead of a
// lower-casing, several character tests and two or three map lookups.

import { type SentimentLexicon, wordValue } from './sentiment-lexicon.ts'

export const WORD = 0
export const MENTION = 1
export const HASHTAG = 2
export const BREAK = 3
export const SYMBOL = 4

export interface TokenInfo {
  kind: number
  /** The word lower-cased, without its "#" for a hashtag ('' for other kinds). */
  lower: string
  /** wordValue of `lower` (0 for other kinds). */
  value: number
  /** "Paris": a capital then a lower-case letter. */
  capitalised: boolean
  /** "NEVER": all capitals, three letters or more. */
  shouted: boolean
  /** "BuonaScuola": a lower-case letter followed by a capital (a CamelCase hashtag). */
  camelCase: boolean
  /** A set phrase may start here. */
  startsPhrase: boolean
}

const BREAKS = new Set(['?', '¿', '!', '¡', '.', ';', ':', ',', '…', '(', ')', '\n', '？', '！', '。', '、'])
const LETTER = /^\p{L}/u
const LAST_LETTER = /[\p{L}\p{M}\p{N}_']$/u
const CAMEL_CASE = /\p{Ll}\p{Lu}/u
/** Bound on remembered tokens per language; cleared when full, which is rare and cheap. */
const MAX_REMEMBERED = 100_000

const isUpper = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde && code !== 0xd7)
const isAsciiWordChar = (c: number): boolean => ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x27

export const isCapitalised = (token: string): boolean => isUpper(token.charCodeAt(0)) && token.length > 1 && !isUpper(token.charCodeAt(1))

function isShouted(token: string): boolean {
  if (token.length < 3) return false
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i)
    if (c >= 0x61 && c <= 0x7a) return false
    if (c >= 0x80) return token === token.toUpperCase() && token !== token.toLowerCase()
  }
  return true
}

function kindOf(token: string): number {
  const code = token.charCodeAt(0)
  if (code === 0x40 || code === 0xff20) return MENTION
  if (code === 0x23 || code === 0xff03) return HASHTAG
  if (token.length === 1 && BREAKS.has(token)) return BREAK
  const letter = code < 0x80 ? (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a : LETTER.test(token)
  if (!letter) return SYMBOL
  // "D:" is an emoticon, not a word.
  const last = token.charCodeAt(token.length - 1)
  return last >= 0x80 || isAsciiWordChar(last) || LAST_LETTER.test(token) ? WORD : SYMBOL
}

function workOut(lexicon: SentimentLexicon, token: string): TokenInfo {
  const kind = kindOf(token)
  if (kind !== WORD && kind !== HASHTAG) {
    return { kind, lower: '', value: 0, capitalised: false, shouted: false, camelCase: false, startsPhrase: false }
  }
  const word = kind === HASHTAG ? token.slice(1) : token
  const lower = word.toLowerCase()
  return {
    kind,
    lower,
    value: wordValue(lexicon, lower),
    capitalised: isCapitalised(word),
    shouted: isShouted(word),
    camelCase: CAMEL_CASE.test(word),
    startsPhrase: lexicon.phrases.has(lower),
  }
}

const remembered = new WeakMap<SentimentLexicon, Map<string, TokenInfo>>()

/** The remembered tokens of a lexicon: fetch once per post, then call tokenInfo per token. */
export function knownTokens(lexicon: SentimentLexicon): Map<string, TokenInfo> {
  let known = remembered.get(lexicon)
  if (known === undefined) {
    known = new Map()
    remembered.set(lexicon, known)
  }
  return known
}

export function tokenInfo(known: Map<string, TokenInfo>, lexicon: SentimentLexicon, token: string): TokenInfo {
  let info = known.get(token)
  if (info === undefined) {
    if (known.size >= MAX_REMEMBERED) known.clear()
    info = workOut(lexicon, token)
    known.set(token, info)
  }
  return info
}
