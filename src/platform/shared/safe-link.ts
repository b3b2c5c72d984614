// A URL from a network or a file is shown to people as a link (digests, the web app, API clients
// that render it): only http and https qualify. `javascript:`, `data:` and the like are dropped
// rather than stored. The scheme is all that matters here; a malformed http(s) URL is harmless
// as a link, so the cost of a full parse on every collected post is not paid.

const WEB_LINK = /^https?:\/\/[^\s]/i

/** `url` without surrounding spaces when it is an absolute http(s) URL; null otherwise. */
export function safeLink(url: string | null | undefined): string | null {
  if (!url) return null
  if (WEB_LINK.test(url)) return url
  const trimmed = url.trim()
  return trimmed !== url && WEB_LINK.test(trimmed) ? trimmed : null
}
