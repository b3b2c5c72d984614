// Pages of post views → posts and the accounts they reference, each once, page order kept.
// In author feeds a repost is the original post plus `reason: reasonRepost` naming the reposter:
// it becomes the original (kept with its author) and a repost post by the reposter.
import type { CollectedBatch, NormalizedAccount, NormalizedPost } from '../model.ts'
import { normalizeBlueskyPost, normalizeBlueskyProfile } from './normalize.ts'
import type { BlueskyFeedViewPost, BlueskyPostView } from './schemas.ts'
import { repostPost } from '../repost-post.ts'

const REASON_REPOST = 'app.bsky.feed.defs#reasonRepost'

class BatchBuilder {
  private readonly posts = new Map<string, NormalizedPost>()
  private readonly accounts = new Map<string, NormalizedAccount>()

  addPost(post: NormalizedPost): void {
    if (!this.posts.has(post.externalId)) this.posts.set(post.externalId, post)
  }

  addView(view: BlueskyPostView): void {
    this.addPost(normalizeBlueskyPost(view))
    this.addAccount(view.author)
  }

  addAccount(profile: BlueskyPostView['author']): void {
    if (!this.accounts.has(profile.did)) this.accounts.set(profile.did, normalizeBlueskyProfile(profile))
  }

  build(): CollectedBatch {
    return { posts: [...this.posts.values()], accounts: [...this.accounts.values()] }
  }
}

export function batchFromPostViews(views: BlueskyPostView[]): CollectedBatch {
  const builder = new BatchBuilder()
  for (const view of views) builder.addView(view)
  return builder.build()
}

export function batchFromFeed(items: BlueskyFeedViewPost[]): CollectedBatch {
  const builder = new BatchBuilder()
  for (const { post, reason } of items) {
    builder.addView(post)
    if (reason?.$type !== REASON_REPOST || reason.by === undefined) continue
    const reposter = reason.by
    const repostedAt = new Date(reason.indexedAt ?? post.indexedAt)
    builder.addAccount(reposter)
    // Older AppViews omit the repost record's uri; this id is stable for the same repost.
    const externalId = reason.uri ?? `repost:${reposter.did}:${post.uri}`
    builder.addPost(repostPost('bluesky', externalId, reposter.did, post.uri, Number.isNaN(repostedAt.getTime()) ? new Date(post.indexedAt) : repostedAt))
  }
  return builder.build()
}
