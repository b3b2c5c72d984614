import { Lru } from '../shared/lru.ts'

export interface PageCacheLimits {
  maxEntries: number
  maxBytes: number
}

// 2,000 pages of 50 items (≈ 38 kB each) fit in the 64 MB default.
const DEFAULTS: PageCacheLimits = { maxEntries: 2000, maxBytes: 64 * 1024 * 1024 }

/**
 * Rendered ranking pages, bounded by count and bytes. Concurrent misses for the same page share
 * one rendering; a failed rendering is not kept, so the next request retries it.
 */
export function createPageCache(limits: Partial<PageCacheLimits> = {}) {
  const { maxEntries, maxBytes } = { ...DEFAULTS, ...limits }
  const done = new Lru<Buffer>({ maxEntries, maxBytes, sizeOf: (page) => page.length })
  const rendering = new Map<string, Promise<Buffer>>()
  return {
    get(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
      const hit = done.get(key)
      if (hit) return Promise.resolve(hit)
      const pending = rendering.get(key)
      if (pending) return pending
      const started = render().then(
        (page) => { rendering.delete(key); done.set(key, page); return page },
        (error: unknown) => { rendering.delete(key); throw error },
      )
      rendering.set(key, started)
      return started
    },
    get size() {
      return done.size
    },
    get bytes() {
      return done.bytes
    },
  }
}
