// One step of an incremental Bluesky search walk (`app.bsky.feed.searchPosts`, sort=latest),
// through the authenticated PDS: the public AppView refuses to page search anonymously.
import type { Checkpoint, SearchPage } from '../connector.ts'
import type { SearchSpec } from '../../query/search-spec.ts'
import type { HttpClient } from '../http.ts'
import { batchFromPostViews } from './batch.ts'
import { newerWatermark, readBlueskyCheckpoint, type BlueskyCheckpoint, type Watermark } from './checkpoint.ts'
import { blueskySortAt } from './normalize.ts'
import type { BlueskySession } from './session.ts'
import { searchPostsOutputSchema, type BlueskyPostView } from './schemas.ts'

export const SEARCH_PAGE_LIMIT = 100

export function searchQuery(spec: SearchSpec): { q: string; lang?: string; tag?: string[] } {
  if (spec.kind === 'hashtag') return { q: `#${spec.tag.replace(/^#/, '')}` }
  return { q: spec.q, lang: spec.lang, tag: spec.tags?.map((tag) => tag.replace(/^#/, '')) }
}

/**
 * How far behind the last walk's newest post every walk re-reads. Search sorts by `sortAt`, the
 * earlier of `createdAt` and `indexedAt`: a post the AppView indexes late (relay or AppView
 * backfill, a PDS that was offline) lands behind posts already seen, with its creation time. An
 * hour covers indexing delays in normal operation and short incidents; it costs nothing extra for
 * a topic with fewer than 100 posts an hour (the overlap shares the first page), one page per 100
 * more. Posts backdated by their client beyond it (imports) cannot be caught by any window.
 */
export const BLUESKY_OVERLAP_MS = 60 * 60_000

function watermarkOf(views: BlueskyPostView[]): Watermark | null {
  let mark: Watermark | null = null
  for (const view of views) {
    mark = newerWatermark(mark, { sortAt: blueskySortAt(view.record, view.indexedAt).toISOString(), uris: [view.uri] })
  }
  return mark
}

export async function blueskySearchStep(
  pds: HttpClient,
  session: BlueskySession,
  spec: SearchSpec,
  stored: Checkpoint | null,
  signal?: AbortSignal,
  /** Narrows the search to posts mentioning this account (handle or DID), see mentions-of.ts. */
  mentions?: string,
): Promise<SearchPage> {
  const checkpoint = readBlueskyCheckpoint(stored)
  const { previous } = checkpoint
  const { body } = await session.run(
    (authorization) =>
      pds.getJson(
        '/xrpc/app.bsky.feed.searchPosts',
        {
          ...searchQuery(spec),
          mentions,
          sort: 'latest',
          limit: SEARCH_PAGE_LIMIT,
          // Kept the same on every page of a walk, as cursors require.
          since: previous ? new Date(Date.parse(previous.sortAt) - BLUESKY_OVERLAP_MS).toISOString() : undefined,
          cursor: checkpoint.cursor ?? undefined,
        },
        searchPostsOutputSchema,
        { signal, headers: { authorization } },
      ),
    signal,
  )
  // Everything since the overlap's start is returned: posts seen before are absorbed by the
  // unique keys at ingest, and the `since` bound ends the walk.
  const fresh = body.posts
  const cursor = body.cursor ? body.cursor : null
  const done = cursor === null
  const walk = newerWatermark(checkpoint.walk, watermarkOf(fresh))
  const next: BlueskyCheckpoint = done
    ? { v: 1, previous: newerWatermark(previous, walk), walk: null, cursor: null }
    : { v: 1, previous, walk, cursor }
  return { ...batchFromPostViews(fresh), checkpoint: next, done }
}
