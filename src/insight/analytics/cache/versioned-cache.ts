import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { createMemoCache } from '../../../platform/shared/memo-cache.ts'
import { etagOf } from '../../../platform/shared/etag.ts'
import { topicVersion } from './topic-version.ts'

export interface Versioned<T> {
  etag: string
  /** Computes the result, or takes it from the cache when the same inputs were seen at this version. */
  result(): Promise<T>
}

/**
 * Analytics results keyed by (analysis, topic, resolved parameters, topic data version): a
 * result is computed once per version, and the ETag answers 304 until the version moves.
 */
export function createVersionedCache(db: Kysely<DB>, maxEntries = 256) {
  const results = createMemoCache<object>({ maxEntries })
  return {
    async prepare<T>(analysis: string, workspaceId: string, topicId: string, params: unknown, compute: () => Promise<T>): Promise<Versioned<T>> {
      const version = await topicVersion(db, workspaceId, topicId)
      const key = JSON.stringify([analysis, topicId, version, params])
      return { etag: etagOf(key), result: () => results.get(key, compute as () => Promise<object>) as Promise<T> }
    },
    get size() {
      return results.size
    },
  }
}

export type VersionedCache = ReturnType<typeof createVersionedCache>
