// One folding for every comparison the query makes, on the query side and the post side alike.

const COMBINING_MARKS = /\p{M}/gu
const ASCII = /^[\x00-\x7F]*$/
// Emoji are tokens of their own: topics are often about one (🦀), and a ZWJ sequence (👩‍💻)
// becomes consecutive emoji tokens, matched like a phrase.
const FOLDED_TOKEN = /[\p{L}\p{N}_]+|\p{Extended_Pictographic}/gu
// Marks only continue a run, so a stray mark (an emoji's variation selector) is no token.
const DISPLAY_TOKEN = /[\p{L}\p{N}_][\p{L}\p{M}\p{N}_]*|\p{Extended_Pictographic}/gu
const TEXT_HASHTAG = /#([\p{L}\p{N}_]+)/gu

/**
 * Case- and accent-insensitive form: `CAFÉ` → `cafe`. Compatibility decomposition (NFKD rather
 * than NFD) also maps the styled letters people paste on social networks (𝐛𝐨𝐥𝐝, ｗｉｄｅ) and
 * ligatures back to plain letters. Lower-casing can itself add marks (`İ` → `i̇`), hence the
 * second decomposition.
 */
export function fold(text: string): string {
  // Most posts are plain ASCII, where folding is lower-casing; skip the Unicode passes for them.
  if (ASCII.test(text)) return text.toLowerCase()
  return text.normalize('NFKD').toLowerCase().normalize('NFKD').replace(COMBINING_MARKS, '')
}

/** Folded word tokens: maximal runs of letters, digits and `_`, and single emoji. Everything else separates. */
export function foldedTokens(text: string): string[] {
  return tokensOfFolded(fold(text))
}

/** `foldedTokens` for a text already folded. */
export function tokensOfFolded(folded: string): string[] {
  return folded.match(FOLDED_TOKEN) ?? []
}

/**
 * The same tokens with the user's case and accents kept, for writing network searches. NFKC first
 * so that compatibility characters split exactly as `foldedTokens` splits them (`¼` → `1⁄4`).
 */
export function displayTokens(text: string): string[] {
  return text.normalize('NFKC').match(DISPLAY_TOKEN) ?? []
}

/** `#tag` tokens written in a text already folded. */
export function hashtagsOfFolded(folded: string): string[] {
  if (!folded.includes('#')) return []
  return Array.from(folded.matchAll(TEXT_HASHTAG), (match) => match[1])
}

/**
 * Folded handle without its decoration: a leading `@`, or Reddit's `u/` and `/u/`, so that
 * `@Alice`, `u/alice` and `alice` compare equal.
 */
export function foldHandle(handle: string): string {
  return fold(handle.trim()).replace(/^@/, '').replace(/^\/?u\//, '')
}

/**
 * Primary language subtag: networks say `en`, `en-US` or `pt_BR`; a `lang:en` query means all of
 * them.
 */
export function primaryLanguage(lang: string | null): string | null {
  if (lang === null) return null
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0]
  return primary === '' ? null : primary
}
