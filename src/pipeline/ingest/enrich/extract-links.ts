// Links written in a post's text. Only absolute http(s) links and `www.` links are taken: bare
// domains ("example.com") are too easily confused with file names and abbreviations.

const URL_CANDIDATE = /(?<![\p{L}\p{N}_@.\/])(?:https?:\/\/|www\.)[^\s<>"`{}|\\^\u3000-\u303f\uff01-\uff5e]+/giu
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '’', '"', '»', '”', ')', ']', '}', '*', '_', '~'])

export interface LinkScan {
  links: string[]
  /** The text with every link blanked out, so later scans do not see URL parts as words. */
  textWithoutLinks: string
}

/** Trailing punctuation belongs to the sentence, except a `)` closing a `(` of the URL itself. */
function trimTrailing(candidate: string): string {
  let end = candidate.length
  let unclosed = 0
  for (const char of candidate) {
    if (char === '(') unclosed++
    else if (char === ')') unclosed--
  }
  while (end > 0 && TRAILING_PUNCTUATION.has(candidate[end - 1])) {
    if (candidate[end - 1] === ')') {
      if (unclosed >= 0) break
      unclosed++
    }
    end--
  }
  return candidate.slice(0, end)
}

/** A usable absolute URL, or null (a truncated `…` display link, no dotted host, unparsable). */
function toAbsoluteLink(raw: string): string | null {
  if (raw.endsWith('…')) return null
  const absolute = /^www\./i.test(raw) ? `https://${raw}` : raw
  try {
    const parsed = new URL(absolute)
    return parsed.hostname.includes('.') ? absolute : null
  } catch {
    return null
  }
}

export function scanLinks(text: string): LinkScan {
  URL_CANDIDATE.lastIndex = 0
  if (!URL_CANDIDATE.test(text)) return { links: [], textWithoutLinks: text }
  const links: string[] = []
  const textWithoutLinks = text.replace(URL_CANDIDATE, (candidate) => {
    const trimmed = trimTrailing(candidate)
    const link = toAbsoluteLink(trimmed)
    if (link !== null && !links.includes(link)) links.push(link)
    // Keep the sentence's own punctuation: "see https://x.example?" is still a question.
    return ' ' + candidate.slice(trimmed.length)
  })
  return { links, textWithoutLinks }
}

/** Absolute http(s) links in order of appearance, deduplicated; `www.` links get `https://`. */
export function extractLinks(text: string): string[] {
  return scanLinks(text).links
}
