// The replies under a post: `app.bsky.feed.getPostThread` on the AppView (no login needed), one
// request per post, `depth` levels of replies below it and no parents above (`parentHeight=0`).
// Replies come as `threadViewPost` ({post, replies?}); deleted or blocked ones as `notFoundPost`
// and `blockedPost`, which are skipped.
import { z } from 'zod'
import type { PostsPage } from '../connector.ts'
import type { HttpClient } from '../http.ts'
import { batchFromPostViews } from './batch.ts'
import { blueskyPostViewSchema, type BlueskyPostView } from './schemas.ts'

/** Levels of replies read below a matched post (the lexicon's default). */
export const THREAD_DEPTH = 6

interface ThreadNode { post?: BlueskyPostView | undefined; replies?: ThreadNode[] | undefined }

const threadNodeSchema: z.ZodType<ThreadNode> = z.lazy(() =>
  z.looseObject({
    // Absent on notFoundPost and blockedPost.
    post: blueskyPostViewSchema.optional().catch(undefined),
    replies: z.array(threadNodeSchema).optional(),
  }),
)

const threadOutputSchema = z.object({ thread: threadNodeSchema })

export async function blueskyRepliesPage(appView: HttpClient, uri: string, signal?: AbortSignal): Promise<PostsPage> {
  const { body } = await appView.getJson('/xrpc/app.bsky.feed.getPostThread', { uri, depth: THREAD_DEPTH, parentHeight: 0 }, threadOutputSchema, signal ? { signal } : {})
  const views: BlueskyPostView[] = []
  const walk = (nodes: ThreadNode[] | undefined) => {
    for (const node of nodes ?? []) {
      if (node.post) views.push(node.post)
      walk(node.replies)
    }
  }
  walk(body.thread.replies)
  return { ...batchFromPostViews(views), cursor: null }
}
