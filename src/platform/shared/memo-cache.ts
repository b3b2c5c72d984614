import { LRUCache } from 'lru-cache'

export interface MemoLimits<V> {
  maxEntries: number
  /** With `sizeOf`: the most the kept values may weigh together. */
  maxBytes?: number
  sizeOf?: (value: V) => number
}

/**
 * Results computed once per key and kept in a bounded LRU. Concurrent requests for a key share
 * one computation; a failed computation is not kept, so the next request retries it.
 */
export function createMemoCache<V extends {}>(limits: MemoLimits<V>) {
  const { sizeOf, maxBytes } = limits
  const done = new LRUCache<string, V>({
    max: limits.maxEntries,
    // A value heavier than the whole budget is not kept (lru-cache's maxEntrySize defaults to maxSize).
    ...(maxBytes !== undefined && sizeOf !== undefined && { maxSize: maxBytes, sizeCalculation: (value: V) => Math.max(1, sizeOf(value)) }),
  })
  const computing = new Map<string, Promise<V>>()
  return {
    get(key: string, compute: () => Promise<V>): Promise<V> {
      const hit = done.get(key)
      if (hit !== undefined) return Promise.resolve(hit)
      const pending = computing.get(key)
      if (pending) return pending
      const started = compute().then(
        (value) => { computing.delete(key); done.set(key, value); return value },
        (error: unknown) => { computing.delete(key); throw error },
      )
      computing.set(key, started)
      return started
    },
    get size() {
      return done.size
    },
    get bytes() {
      return done.calculatedSize
    },
  }
}

export type MemoCache<V extends {}> = ReturnType<typeof createMemoCache<V>>
