// Hashtags written in a post's text, Unicode-aware (#café, #日本語, #Straße).
// Not a hashtag: "#123" (no letter), a URL fragment ("example.com/#x", "page#x"), an HTML
// entity ("&#39;"), "C#" — the `#` must not follow a letter, digit, `_`, `&`, `/` or another `#`.

import { scanLinks } from './extract-links.ts'

const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&#＃\/])[#＃]([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)/gu
/** Longer runs are pasted junk rather than tags people follow. */
const MAX_HASHTAG_LENGTH = 100

/** Lower-case, NFC, without `#` — the form the model stores. */
export function normalizeHashtag(tag: string): string {
  return tag.replace(/^[#＃]/, '').normalize('NFC').toLowerCase()
}

/** Hashtags in text that has already had its links removed. */
export function hashtagsInLinklessText(text: string): string[] {
  if (!text.includes('#') && !text.includes('＃')) return []
  const tags: string[] = []
  for (const match of text.matchAll(HASHTAG)) {
    if (match[1].length > MAX_HASHTAG_LENGTH) continue
    const tag = normalizeHashtag(match[1])
    if (!tags.includes(tag)) tags.push(tag)
  }
  return tags
}

/** Lower-cased hashtags without `#`, in order of appearance, deduplicated. */
export function extractHashtags(text: string): string[] {
  return hashtagsInLinklessText(scanLinks(text).textWithoutLinks)
}
