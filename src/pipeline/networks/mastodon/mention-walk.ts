// One step of an incremental mention walk: fetch a page, keep what is newer than the previous
// run's newest status less an overlap for late deliveries, translate references, and say where the
// next step starts.
import type { Checkpoint, SearchPage } from '../connector.ts'
import type { SearchSpec } from '../../query/search-spec.ts'
import type { HttpClient } from '../http.ts'
import { afterPage, readMastodonCheckpoint, type MastodonCheckpoint } from './checkpoint.ts'
import type { MastodonIdIndex } from './id-index.ts'
import { fetchMentionPage } from './mention-pages.ts'
import { normalizeStatuses } from './normalize-status.ts'
import { unresolvedStatusIds, type MastodonReferenceResolver } from './resolve-references.ts'
import type { MastodonStatus } from './schemas.ts'

/**
 * Every walk re-reads this far behind the newest status of the previous run. A status an instance
 * receives late (a delivery retried after the sending or receiving server was down, a reply or
 * boost fetched after the fact) gets an id made from its creation date, so it sorts among statuses
 * already seen: a walk that stopped at them (or asked `since_id`) would never meet it. Mastodon
 * delivers through Sidekiq (ActivityPub::DeliveryWorker, 16 retries), waiting retry^4 + 15 seconds
 * plus a jitter of up to half of retry^4 and Sidekiq's own rand(10) × (retry + 1) before retry n:
 * the first eight retries add up to between 1 h 20 min and 2 h, so two hours take in deliveries
 * held up by an outage of about an hour. Later arrivals (the last retries run days later; backfill
 * of old threads) are out of reach of a polling walk. Statuses read again are upserted, not duplicated.
 * Full-text search has no id order either: the same margin says where its walk may stop.
 */
export const LATE_DELIVERY_OVERLAP_MS = 2 * 60 * 60_000

export interface MentionWalkDeps {
  http: HttpClient
  baseUrl: string
  localDomain: string
  hasToken: boolean
  index: MastodonIdIndex
  resolver: MastodonReferenceResolver
}

/** Index of the first status older than the previous run's newest less the overlap, or -1. */
function behindOverlapAt(statuses: MastodonStatus[], checkpoint: MastodonCheckpoint): number {
  const previous = checkpoint.previousNewest
  if (previous === null) return -1
  const cutoff = Date.parse(previous.createdAt) - LATE_DELIVERY_OVERLAP_MS
  return statuses.findIndex((status) => Date.parse(status.created_at) < cutoff)
}

export async function mastodonMentionStep(
  deps: MentionWalkDeps,
  spec: SearchSpec,
  stored: Checkpoint | null,
  signal?: AbortSignal,
): Promise<SearchPage> {
  const checkpoint = readMastodonCheckpoint(stored)
  const page = await fetchMentionPage(deps.http, deps.baseUrl, deps.hasToken, spec, checkpoint, signal)
  const seenAt = behindOverlapAt(page.statuses, checkpoint)
  const fresh = seenAt === -1 ? page.statuses : page.statuses.slice(0, seenAt)

  for (const status of page.statuses) deps.index.learnStatus(status)
  await deps.resolver.resolve(unresolvedStatusIds(fresh, deps.index), signal)
  const batch = normalizeStatuses(fresh, { localDomain: deps.localDomain, index: deps.index })

  const { checkpoint: next, done } = afterPage(checkpoint, fresh, page, seenAt !== -1)
  return { ...batch, checkpoint: next, done }
}
