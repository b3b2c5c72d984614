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

function searchQuery(spec: SearchSpec): { q: string; lang?: string; tag?: string[] } {
  if (spec.kind === 'hashtag') return { q: `#${spec.tag.replace(/^#/, '')}` }
  return { q: spec.q, lang: spec.lang, tag: spec.tags?.map((tag) => tag.replace(/^#/, '')) }
}

type Age = 'new' | 'seen' | 'older'

function ageOf(view: BlueskyPostView, previous: Watermark | null): Age {
  if (previous === null) return 'new'
  const difference = blueskySortAt(view.record, view.indexedAt).getTime() - Date.parse(previous.sortAt)
  if (difference > 0) return 'new'
  if (difference < 0) return 'older'
  return previous.uris.includes(view.uri) ? 'seen' : 'new'
}

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
): Promise<SearchPage> {
  const checkpoint = readBlueskyCheckpoint(stored)
  const { previous } = checkpoint
  const { body } = await session.run(
    (authorization) =>
      pds.getJson(
        '/xrpc/app.bsky.feed.searchPosts',
        {
          ...searchQuery(spec),
          sort: 'latest',
          limit: SEARCH_PAGE_LIMIT,
          // Kept the same on every page of a walk, as cursors require.
          since: previous?.sortAt,
          cursor: checkpoint.cursor ?? undefined,
        },
        searchPostsOutputSchema,
        { signal, headers: { authorization } },
      ),
    signal,
  )
  const ages = body.posts.map((view) => ageOf(view, previous))
  const fresh = body.posts.filter((_, i) => ages[i] === 'new')
  // Newest first: once an older post shows up, the rest was seen by the previous run.
  const reachedOlder = ages.includes('older')
  const cursor = body.cursor ? body.cursor : null
  const done = reachedOlder || cursor === null
  const walk = newerWatermark(checkpoint.walk, watermarkOf(fresh))
  const next: BlueskyCheckpoint = done
    ? { v: 1, previous: newerWatermark(previous, walk), walk: null, cursor: null }
    : { v: 1, previous, walk, cursor }
  return { ...batchFromPostViews(fresh), checkpoint: next, done }
}
