import { LRUCache } from 'lru-cache'

/**
 * Failed authentications counted per client address in a fixed window: past the limit, the
 * address is refused before any key is looked at, until the window ends. Guessing keys from one
 * address is then a few attempts a minute. Bounded memory: the least recently seen addresses go.
 */
export interface AuthThrottle {
  /** Seconds until the address may try again, or 0 when it may now. */
  blockedFor(ip: string, nowMs?: number): number
  failed(ip: string, nowMs?: number): void
}

export function createAuthThrottle(options: { maxFailures: number; windowMs: number; maxAddresses?: number }): AuthThrottle {
  const windows = new LRUCache<string, { start: number; failures: number }>({ max: options.maxAddresses ?? 50_000 })
  const current = (ip: string, now: number) => {
    const w = windows.get(ip)
    return w && now - w.start < options.windowMs ? w : null
  }
  return {
    blockedFor(ip, now = Date.now()) {
      const w = current(ip, now)
      return w && w.failures >= options.maxFailures ? Math.ceil((w.start + options.windowMs - now) / 1000) : 0
    },
    failed(ip, now = Date.now()) {
      const w = current(ip, now)
      if (w) w.failures++
      else windows.set(ip, { start: now, failures: 1 })
    },
  }
}
