export type QueryValue = string | number | boolean | (string | number)[] | undefined
export type Query = Record<string, QueryValue>

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i

function encodePair(key: string, value: string): string {
  // %20 rather than `+` for spaces: every server decodes it the same way.
  return `${encodeURIComponent(key)}=${encodeURIComponent(value)}`
}

/**
 * Joins a path to the base URL (keeping any path prefix of the base) or accepts an absolute URL
 * on the same origin (a `Link: rel="next"` URL). Returns null for another origin: following a URL
 * a server handed us to a different host would let that server point us anywhere (SSRF).
 * Arrays become repeated keys (`?a=1&a=2`, the XRPC convention).
 */
export function buildUrl(base: URL, pathOrUrl: string, query: Query): URL | null {
  let url: URL
  if (HAS_SCHEME.test(pathOrUrl) || pathOrUrl.startsWith('//')) {
    url = new URL(pathOrUrl, base)
    if (url.origin !== base.origin) return null
  } else {
    const prefix = base.href.replace(/[?#].*$/, '').replace(/\/+$/, '')
    url = new URL(prefix + (pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`))
    if (url.origin !== base.origin) return null
  }
  const overridden = new Set(Object.entries(query).filter(([, v]) => v !== undefined).map(([k]) => k))
  const pairs: string[] = []
  for (const [key, value] of url.searchParams) {
    if (!overridden.has(key)) pairs.push(encodePair(key, value))
  }
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue
    const values = Array.isArray(value) ? value : [value]
    for (const item of values) pairs.push(encodePair(key, String(item)))
  }
  url.search = pairs.length > 0 ? `?${pairs.join('&')}` : ''
  return url
}
