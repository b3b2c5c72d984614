import type { Scope } from '../../platform/db/tables/api-keys.ts'
import { LRUCache } from 'lru-cache'

/** An active key's row as verification needs it: who it is, and the stored hash of its secret. */
export interface CachedKey { keyId: string; workspaceId: string; scopes: Scope[]; secretHash: string }

export const KEY_CACHE_TTL_MS = 5_000

/**
 * Active API keys read recently, by public id, for `ttlMs`: every /v1 request verifies its key,
 * and this spares the lookup. Only what the database holds is kept (the secret's hash, never a
 * secret), and a presented secret is still compared with it in constant time. Revoking a key
 * through this process forgets it at once; a key revoked by another process (`relais key revoke`)
 * is refused here once its entry expires, within `ttlMs`.
 */
export function createKeyCache({ ttlMs = KEY_CACHE_TTL_MS, maxEntries = 10_000, now = () => performance.now() } = {}) {
  const entries = new LRUCache<string, { key: CachedKey; expiresAt: number }>({ max: maxEntries })
  let forgotten = 0
  return {
    /** Taken before reading a key's row, and given back to `set`: a row read while a key was revoked is not kept. */
    generation(): number {
      return forgotten
    },
    get(publicId: string): CachedKey | undefined {
      const entry = entries.get(publicId)
      if (!entry) return undefined
      if (entry.expiresAt > now()) return entry.key
      entries.delete(publicId)
      return undefined
    },
    set(publicId: string, key: CachedKey, readAt: number): void {
      if (readAt !== forgotten) return
      entries.set(publicId, { key, expiresAt: now() + ttlMs })
    },
    forget(publicId: string): void {
      forgotten++
      entries.delete(publicId)
    },
  }
}

export type KeyCache = ReturnType<typeof createKeyCache>

/** The process's cache: the one `authenticateKey` reads and `revokeApiKey` clears. */
export const verifiedKeys: KeyCache = createKeyCache()
