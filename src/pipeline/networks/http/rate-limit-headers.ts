
/** What one response says about the caller's rate-limit window. */
export interface RateLimitReading {
  limit: number | null
  remaining: number | null
  resetAt: Date | null
  /** From `Retry-After` (seconds or an HTTP date), when present. */
  retryAfterMs: number | null
}

export type ResetStyle = 'iso' | 'epoch-seconds' | 'seconds-until'

/** Which headers a network uses for its rate-limit window, and how it writes the reset. */
export interface RateLimitHeaderScheme {
  limit?: string
  used?: string
  remaining: string
  reset: string
  resetStyle: ResetStyle
}

function parseNumber(value: string | null): number | null {
  if (value === null || value.trim() === '') return null
  const n = Number(value.trim())
  return Number.isFinite(n) ? n : null
}

function parseReset(value: string | null, style: ResetStyle, nowMs: number): Date | null {
  if (value === null || value.trim() === '') return null
  const numeric = parseNumber(value)
  if (numeric === null) {
    // ISO-8601 (Mastodon sends 6 fractional digits; Date.parse accepts them).
    const ms = Date.parse(value.trim())
    return Number.isNaN(ms) ? null : new Date(ms)
  }
  if (style === 'seconds-until') return new Date(nowMs + numeric * 1000)
  // A small number where an epoch is expected is a delta: some proxies rewrite it that way.
  if (numeric < 1e9) return new Date(nowMs + numeric * 1000)
  return new Date(numeric * 1000)
}

export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '') return null
  const seconds = parseNumber(value)
  if (seconds !== null) return Math.max(0, seconds * 1000)
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs)
}

export function readRateLimitHeaders(scheme: RateLimitHeaderScheme, headers: Headers, nowMs: number): RateLimitReading {
  const remainingRaw = parseNumber(headers.get(scheme.remaining))
  const remaining = remainingRaw === null ? null : Math.max(0, Math.floor(remainingRaw))
  let limit = scheme.limit ? parseNumber(headers.get(scheme.limit)) : null
  if (scheme.used) {
    const used = parseNumber(headers.get(scheme.used))
    limit = used !== null && remainingRaw !== null ? Math.round(used + remainingRaw) : null
  }
  return {
    limit,
    remaining,
    resetAt: parseReset(headers.get(scheme.reset), scheme.resetStyle, nowMs),
    retryAfterMs: parseRetryAfter(headers.get('retry-after'), nowMs),
  }
}
