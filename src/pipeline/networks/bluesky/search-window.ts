// One page of a Bluesky search bounded in time (`since`/`until`, both on sortAt), newest first:
// what fills a span of the live stream the Jetstream instance no longer kept.
import type { PostsPage } from '../connector.ts'
import type { SearchSpec } from '../../query/search-spec.ts'
import type { HttpClient } from '../http.ts'
import { batchFromPostViews } from './batch.ts'
import { SEARCH_PAGE_LIMIT, searchQuery } from './search-walk.ts'
import type { BlueskySession } from './session.ts'
import { searchPostsOutputSchema } from './schemas.ts'

export async function blueskyWindowPage(
  pds: HttpClient,
  session: BlueskySession,
  spec: SearchSpec,
  window: { since: Date; until: Date },
  cursor: string | null,
  signal?: AbortSignal,
): Promise<PostsPage> {
  const { body } = await session.run(
    (authorization) =>
      pds.getJson(
        '/xrpc/app.bsky.feed.searchPosts',
        { ...searchQuery(spec), sort: 'latest', limit: SEARCH_PAGE_LIMIT, since: window.since.toISOString(), until: window.until.toISOString(), cursor: cursor ?? undefined },
        searchPostsOutputSchema,
        { signal, headers: { authorization } },
      ),
    signal,
  )
  return { ...batchFromPostViews(body.posts), cursor: body.cursor ? body.cursor : null }
}
