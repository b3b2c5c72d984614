// A URL from a network or a file is shown to people as a link (digests, the web app, API clients
// that render it): only http and https qualify. `javascript:`, `data:` and the like are dropped
// rather than stored.

/** `url` when it is an absolute http(s) URL; null otherwise. */
export function safeLink(url: string | null | undefined): string | null {
  if (!url) return null
  const trimmed = url.trim()
  if (!/^https?:\/\//i.test(trimmed)) return null
  try {
    const parsed = new URL(trimmed)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? trimmed : null
  } catch {
    return null
  }
}
