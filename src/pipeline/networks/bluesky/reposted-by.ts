// Who reposted a post: `app.bsky.feed.getRepostedBy` on the AppView (no login needed), up to 100
// accounts a page with an opaque cursor, absent at the end; pages may be short or empty and still
// carry a cursor (entries filtered after the skeleton query).
import { z } from 'zod'
import type { ConversationPost, PostsPage } from '../connector.ts'
import type { HttpClient } from '../http.ts'
import { repostSeenInList } from '../repost-post.ts'
import { normalizeBlueskyProfile } from './normalize.ts'
import { blueskyProfileSchema } from './schemas.ts'

export const REPOSTED_BY_LIMIT = 100

const repostedByOutputSchema = z.object({
  uri: z.string(),
  cursor: z.string().nullish(),
  repostedBy: z.array(blueskyProfileSchema),
})

export async function blueskyRepostsPage(appView: HttpClient, post: ConversationPost, cursor: string | null, signal?: AbortSignal): Promise<PostsPage> {
  const query = { uri: post.externalId, limit: REPOSTED_BY_LIMIT, ...(cursor !== null && { cursor }) }
  const { body } = await appView.getJson('/xrpc/app.bsky.feed.getRepostedBy', query, repostedByOutputSchema, signal ? { signal } : {})
  return {
    posts: body.repostedBy.map((profile) => repostSeenInList('bluesky', profile.did, post)),
    accounts: body.repostedBy.map(normalizeBlueskyProfile),
    cursor: body.cursor ?? null,
  }
}
