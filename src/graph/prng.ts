/**
 * Small seeded pseudo-random generator (mulberry32): fast, 32-bit state, good enough to pick
 * sample nodes and shuffle visit orders reproducibly. Not for anything security related.
 */
export interface Prng {
  /** Uniform float in [0, 1). */
  next(): number
  /** Uniform integer in [0, bound). */
  nextInt(bound: number): number
}

export const DEFAULT_SEED = 0x5eed

export function createPrng(seed: number = DEFAULT_SEED): Prng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, nextInt: (bound) => Math.floor(next() * bound) }
}

/** Fisher–Yates shuffle in place. */
export function shuffleInPlace(values: Int32Array, prng: Prng): Int32Array {
  for (let i = values.length - 1; i > 0; i--) {
    const j = prng.nextInt(i + 1)
    const tmp = values[i]
    values[i] = values[j]
    values[j] = tmp
  }
  return values
}

/** `count` distinct integers from [0, n), in increasing order, chosen uniformly. */
export function sampleDistinct(n: number, count: number, prng: Prng): Int32Array {
  const k = Math.min(count, n)
  // Partial Fisher–Yates over an identity permutation: O(n) memory, exact uniform sample.
  const pool = new Int32Array(n)
  for (let i = 0; i < n; i++) pool[i] = i
  for (let i = 0; i < k; i++) {
    const j = i + prng.nextInt(n - i)
    const tmp = pool[i]
    pool[i] = pool[j]
    pool[j] = tmp
  }
  return pool.slice(0, k).sort()
}
