import { setTimeout as delay } from 'node:timers/promises'

const BASE_DELAY_MS = 500
const MAX_DELAY_MS = 30_000

/**
 * Exponential backoff with full jitter: a random wait in [0, min(cap, base·2^attempt)).
 * Full jitter spreads retries from many workers instead of having them hit the network in step.
 */
export function backoffDelayMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt)
  return Math.floor(random() * ceiling)
}

export async function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return
  await delay(ms, undefined, signal ? { signal } : undefined)
}
