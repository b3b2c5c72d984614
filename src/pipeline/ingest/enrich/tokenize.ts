// One lower-cased token stream shared by language detection, sentiment and question detection.
// Tokens are words ("l'" and "amour" apart, so elisions count as French/Italian cues), hashtags
// ("#café"), emoji, and sentence/clause punctuation (".", ",", "?", "¿", "\n", ...).
// Mentions (`@alice`, `u/alice`) are dropped: a handle is not a word of any language.
// Links must be removed beforehand (see scanLinks).

const TOKEN = new RegExp(
  [
    String.raw`[@＠][\p{L}\p{N}_.@\-]+`, // mention: dropped below
    String.raw`(?<![\p{L}\p{N}])\/?u\/[\p{L}\p{N}_\-]+`, // Reddit mention: dropped below
    // Word (or #hashtag): letters, inner hyphens ("est-ce", "s-bahn"), and a trailing apostrophe
    // only when a letter follows (elision: "l'", "don'", "dell'").
    String.raw`[#＃]?\p{L}[\p{L}\p{M}\p{N}_]*(?:-\p{L}[\p{L}\p{M}\p{N}_]*)*(?:'(?=\p{L}))?`,
    String.raw`[?¿!¡.;:,…()\n？！。、]`,
    String.raw`\p{Extended_Pictographic}`,
  ].join('|'),
  'gu',
)
const COMBINING_MARK = /[\u0300-\u036f]/
/** Enough words to decide a language or a tone; bounds the cost of very long posts. */
export const MAX_TOKENS = 400
/** Characters looked at, for the same reason (a token is rarely over 10 characters). */
const MAX_CHARS = MAX_TOKENS * 10

const CLAUSE_BREAKS = new Set(['?', '¿', '!', '¡', '.', ';', ':', ',', '…', '(', ')', '\n', '？', '！', '。', '、'])

export function tokenize(textWithoutLinks: string): string[] {
  let text = (textWithoutLinks.length > MAX_CHARS ? textWithoutLinks.slice(0, MAX_CHARS) : textWithoutLinks).toLowerCase()
  if (text.includes('’')) text = text.replaceAll('’', "'")
  // Word lists are written in composed form; decomposed accents (e + U+0301) would never match.
  if (COMBINING_MARK.test(text)) text = text.normalize('NFC')
  // match() with a global regex returns bare strings: far fewer allocations than exec() per token.
  const matches = text.match(TOKEN)
  if (matches === null) return []
  const tokens: string[] = []
  for (const token of matches) {
    if (tokens.length === MAX_TOKENS) break
    const first = token.charCodeAt(0)
    if (first === 0x40 || first === 0xff20) continue // @ or ＠
    if ((first === 0x75 || first === 0x2f) && (token.startsWith('u/') || token.startsWith('/u/'))) continue // Reddit user
    tokens.push(token)
  }
  return tokens
}

/** Punctuation that ends a clause: negation and contrast stop here. */
export function isClauseBreak(token: string): boolean {
  return token.length === 1 && CLAUSE_BREAKS.has(token)
}

/**
 * A word that can belong to a language: not a hashtag, emoji or punctuation. Decided on the first
 * code unit: tokens come from TOKEN, so anything not punctuation, `#` or a symbol is a letter.
 */
export function isWord(token: string): boolean {
  const first = token.charCodeAt(0)
  if (first < 0x80) return first >= 0x61 && first <= 0x7a
  if (first === 0xff03 || CLAUSE_BREAKS.has(token)) return false
  // Emoji and other pictographs: symbol blocks, surrogate pairs, ©/®.
  if (first === 0xa9 || first === 0xae || (first >= 0x2000 && first <= 0x2bff) || (first >= 0xd800 && first <= 0xdfff)) return false
  return true
}
