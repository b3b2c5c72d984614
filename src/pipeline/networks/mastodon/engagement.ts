// Engagement re-reads of statuses by their instance-local ids (kept per source at collection, see
// `readId`): twenty a request where the instance has the batch read, one a request otherwise.
// Readings are keyed by the status's uri, Relais's key for it: an id that names another status on
// this instance (it never should) cannot pass its counts to the wrong post.
import type { EngagementReading } from '../connector.ts'
import { statusCounts } from './normalize-status.ts'
import type { MastodonStatusLookup } from './status-lookup.ts'

/**
 * One request: the batch read of up to twenty ids, or, once the instance proved it has none, the
 * one id asked. The request that finds the batch read missing returns nothing; the caller sees
 * `perRequest` drop to 1 and asks again one by one.
 */
export async function mastodonEngagement(lookup: MastodonStatusLookup, ids: string[], signal?: AbortSignal): Promise<EngagementReading[]> {
  if (ids.length === 0) return []
  if (ids.length > lookup.perRequest) throw new RangeError(`Mastodon engagement reads at most ${lookup.perRequest} statuses per request here`)
  const statuses = lookup.perRequest > 1 ? await lookup.batch(ids, signal) : [await lookup.one(ids[0], signal)]
  return (statuses ?? []).flatMap((status) => (status === null ? [] : [{ externalId: status.uri, ...statusCounts(status) }]))
}
