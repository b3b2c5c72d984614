// Fixed-window request budgets per client, reported the way each network does: Mastodon with
// X-RateLimit-* and an ISO 8601 reset, Bluesky with RateLimit-* in epoch seconds. Defaults are
// generous; tests lower them to see 429s. Windows run on the wall clock, not sandbox time.

export interface RateLimitOptions {
  limit: number
  windowSeconds: number
}

export interface RateLimitState {
  allowed: boolean
  limit: number
  remaining: number
  resetAtMs: number
  windowSeconds: number
}

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { startMs: number; used: number }>()
  constructor(private readonly options: RateLimitOptions) {}

  take(client: string, nowMs = Date.now()): RateLimitState {
    const windowMs = this.options.windowSeconds * 1000
    let window = this.windows.get(client)
    if (!window || nowMs - window.startMs >= windowMs) {
      window = { startMs: nowMs, used: 0 }
      this.windows.set(client, window)
    }
    const allowed = window.used < this.options.limit
    if (allowed) window.used++
    return {
      allowed,
      limit: this.options.limit,
      remaining: Math.max(0, this.options.limit - window.used),
      resetAtMs: window.startMs + windowMs,
      windowSeconds: this.options.windowSeconds,
    }
  }
}

/** `2024-08-21T10:20:00.000000Z`: Mastodon prints six fractional digits. */
export function mastodonRateHeaders(state: RateLimitState): Record<string, string> {
  const reset = new Date(state.resetAtMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': reset,
  }
}

export function blueskyRateHeaders(state: RateLimitState): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(state.limit),
    'RateLimit-Remaining': String(state.remaining),
    'RateLimit-Reset': String(Math.ceil(state.resetAtMs / 1000)),
    'RateLimit-Policy': `${state.limit};w=${state.windowSeconds}`,
  }
  if (!state.allowed) headers['Retry-After'] = String(Math.max(1, Math.ceil((state.resetAtMs - Date.now()) / 1000)))
  return headers
}
