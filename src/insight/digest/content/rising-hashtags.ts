import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import { computeTrends } from '../../analytics/trends/compute-trends.ts'
import type { RisingHashtag } from './types.ts'

const WEEK_MS = 7 * 86_400_000
const PER_NETWORK = 3

/**
 * Per network, the hashtags rising most this week against their own previous weeks (the trends
 * API's scoring). Hashtags of the topic's own query are left out: they are everywhere by construction.
 */
export async function risingHashtags(db: Kysely<DB>, topicId: string, query: string, end: Date): Promise<{ network: string; rising: RisingHashtag[] }[]> {
  const trends = await computeTrends(db, topicId, { window: '7d', windowMs: WEEK_MS, end, minCount: 3, minScore: 2, limit: PER_NETWORK + 5 })
  const own = new Set([...query.toLowerCase().matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1]))
  return trends.networks
    .map((n) => ({
      network: n.network,
      rising: n.hashtags.filter((h) => !own.has(h.value)).slice(0, PER_NETWORK).map((h) => ({ tag: h.value, count: h.recent, usual: h.baseline })),
    }))
    .filter((n) => n.rising.length > 0)
}
