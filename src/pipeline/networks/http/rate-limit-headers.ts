import type { CollectableNetwork } from '../model.ts'

/** What one response says about the caller's rate-limit window. */
export interface RateLimitReading {
  limit: number | null
  remaining: number | null
  resetAt: Date | null
  /** From `Retry-After` (seconds or an HTTP date), when present. */
  retryAfterMs: number | null
}

type ResetStyle = 'iso' | 'epoch-seconds' | 'seconds-until'

interface HeaderScheme {
  limit?: string
  used?: string
  remaining: string
  reset: string
  resetStyle: ResetStyle
}

// Each network names and encodes these differently (see reference/network-apis.md).
// `Headers` lookups are case-insensitive, so the real casing on the wire does not matter here.
const SCHEMES: Record<CollectableNetwork, HeaderScheme> = {
  mastodon: { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', resetStyle: 'iso' },
  bluesky: { limit: 'ratelimit-limit', remaining: 'ratelimit-remaining', reset: 'ratelimit-reset', resetStyle: 'epoch-seconds' },
  x: { limit: 'x-rate-limit-limit', remaining: 'x-rate-limit-remaining', reset: 'x-rate-limit-reset', resetStyle: 'epoch-seconds' },
  // Reddit sends Used + Remaining (Remaining as a float string like "99.0") and Reset as
  // seconds until the window ends.
  reddit: { used: 'x-ratelimit-used', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', resetStyle: 'seconds-until' },
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

export function readRateLimitHeaders(network: CollectableNetwork, headers: Headers, nowMs: number): RateLimitReading {
  const scheme = SCHEMES[network]
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
