import type { RateLimitReading } from './rate-limit-headers.ts'

export interface RateLimitState {
  limit: number | null
  remaining: number | null
  resetAt: Date | null
}

/**
 * Margin added to every wait for a window to reset: reset headers are rounded to the second
 * and our clock may run slightly ahead of the network's.
 */
export const RESET_MARGIN_MS = 1000

/**
 * Per-bucket view of the rate-limit windows a client has seen. A slot is reserved before each
 * request (so concurrent requests never exceed what the last headers allowed) and the headers
 * of each response then overwrite the estimate.
 */
export class RateLimitBudget {
  readonly #buckets = new Map<string, RateLimitState>()

  #bucket(key: string): RateLimitState {
    let state = this.#buckets.get(key)
    if (!state) {
      state = { limit: null, remaining: null, resetAt: null }
      this.#buckets.set(key, state)
    }
    return state
  }

  /** How long to wait before a request in this bucket may go out; 0 when it may go now. */
  waitMs(key: string, nowMs: number): number {
    const state = this.#bucket(key)
    if (state.resetAt !== null && state.resetAt.getTime() <= nowMs) this.#roll(state)
    if (state.remaining === null || state.remaining > 0 || state.resetAt === null) return 0
    return state.resetAt.getTime() - nowMs + RESET_MARGIN_MS
  }

  /** Called once the wait is over: the window is assumed fresh even if the clock is not. */
  windowElapsed(key: string): void {
    this.#roll(this.#bucket(key))
  }

  reserve(key: string): void {
    const state = this.#bucket(key)
    if (state.remaining !== null) state.remaining = Math.max(0, state.remaining - 1)
  }

  record(key: string, reading: RateLimitReading): void {
    if (reading.limit === null && reading.remaining === null && reading.resetAt === null) return
    const state = this.#bucket(key)
    if (reading.limit !== null) state.limit = reading.limit
    if (reading.remaining !== null) state.remaining = reading.remaining
    if (reading.resetAt !== null) state.resetAt = reading.resetAt
  }

  /** After a 429: nothing more goes out in this bucket until `until`. */
  exhaust(key: string, until: Date): void {
    const state = this.#bucket(key)
    state.remaining = 0
    state.resetAt = until
  }

  #roll(state: RateLimitState): void {
    state.remaining = state.limit
    state.resetAt = null
  }
}
