// One step of an incremental mention walk: fetch a page, keep what is newer than the previous
// run, translate references, and say where the next step starts.
import type { Checkpoint, SearchPage } from '../connector.ts'
import type { SearchSpec } from '../../query/search-spec.ts'
import type { HttpClient } from '../http.ts'
import { completedWalk, readMastodonCheckpoint, REMEMBERED_IDS, walkInProgress, type MastodonCheckpoint } from './checkpoint.ts'
import type { MastodonIdIndex } from './id-index.ts'
import { fetchMentionPage } from './mention-pages.ts'
import { normalizeStatuses } from './normalize-status.ts'
import { unresolvedStatusIds, type MastodonReferenceResolver } from './resolve-references.ts'
import type { MastodonStatus } from './schemas.ts'

/**
 * Search cannot be told "newer than" by id, so besides meeting one of the previous run's newest
 * ids the walk stops at statuses clearly older than them (in case all were deleted meanwhile).
 * The margin absorbs statuses federated late with a slightly older date.
 */
const SEARCH_OVERLAP_MS = 10 * 60_000

export interface MentionWalkDeps {
  http: HttpClient
  baseUrl: string
  localDomain: string
  hasToken: boolean
  index: MastodonIdIndex
  resolver: MastodonReferenceResolver
}

/** Index of the first status the previous run already saw, or -1. */
function previouslySeenAt(statuses: MastodonStatus[], spec: SearchSpec, checkpoint: MastodonCheckpoint): number {
  const previous = checkpoint.previousNewest
  if (previous === null) return -1
  const cutoff = Date.parse(previous.createdAt) - SEARCH_OVERLAP_MS
  const seen = new Set(previous.ids)
  return statuses.findIndex(
    (status) => seen.has(status.id) || (spec.kind === 'query' && Date.parse(status.created_at) < cutoff),
  )
}

export async function mastodonMentionStep(
  deps: MentionWalkDeps,
  spec: SearchSpec,
  stored: Checkpoint | null,
  signal?: AbortSignal,
): Promise<SearchPage> {
  const checkpoint = readMastodonCheckpoint(stored)
  const startsWalk = !walkInProgress(checkpoint)
  const page = await fetchMentionPage(deps.http, deps.baseUrl, deps.hasToken, spec, checkpoint, signal)
  const seenAt = previouslySeenAt(page.statuses, spec, checkpoint)
  const fresh = seenAt === -1 ? page.statuses : page.statuses.slice(0, seenAt)

  for (const status of page.statuses) deps.index.learnStatus(status)
  await deps.resolver.resolve(unresolvedStatusIds(fresh, deps.index), signal)
  const batch = normalizeStatuses(fresh, { localDomain: deps.localDomain, index: deps.index })

  const newest = fresh.slice(0, REMEMBERED_IDS)
  const walkNewest = startsWalk
    ? newest.length === 0
      ? null
      : { ids: newest.map((status) => status.id), createdAt: newest[0].created_at }
    : checkpoint.walkNewest
  const next: MastodonCheckpoint = { ...checkpoint, walkNewest, nextUrl: page.nextUrl, nextOffset: page.nextOffset }
  const done = seenAt !== -1 || (page.nextUrl === null && page.nextOffset === null)
  return { ...batch, checkpoint: done ? completedWalk(next) : next, done }
}
