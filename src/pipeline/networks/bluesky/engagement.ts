// Engagement re-reads through `app.bsky.feed.getPosts` on the AppView: up to 25 AT-URIs a call
// (the lexicon's maximum), no login needed. Deleted posts are silently left out by the AppView.
import { z } from 'zod'
import type { EngagementReading } from '../connector.ts'
import type { HttpClient } from '../http.ts'
import { blueskyPostViewSchema } from './schemas.ts'

export const GET_POSTS_MAX = 25

const getPostsOutputSchema = z.object({ posts: z.array(blueskyPostViewSchema) })

export async function blueskyEngagement(appView: HttpClient, uris: string[], signal?: AbortSignal): Promise<EngagementReading[]> {
  if (uris.length === 0) return []
  if (uris.length > GET_POSTS_MAX) throw new RangeError(`getPosts takes at most ${GET_POSTS_MAX} uris`)
  const { body } = await appView.getJson('/xrpc/app.bsky.feed.getPosts', { uris }, getPostsOutputSchema, { signal })
  return body.posts.map((view) => ({
    externalId: view.uri,
    likes: view.likeCount ?? 0,
    reposts: view.repostCount ?? 0,
    replies: view.replyCount ?? 0,
    quotes: view.quoteCount ?? 0,
  }))
}
