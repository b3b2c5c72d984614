import type { NormalizedPost } from './model.ts'

/** A repost as Relais stores it: the reposter's post with no words of its own, pointing at the original. */
export function repostPost(network: string, externalId: string, reposterId: string, originalId: string, createdAt: Date): NormalizedPost {
  return {
    network,
    externalId,
    authorExternalId: reposterId,
    createdAt,
    text: '',
    lang: null,
    url: null,
    replyToExternalId: null,
    replyToAuthorExternalId: null,
    repostOfExternalId: originalId,
    quoteOfExternalId: null,
    likes: 0,
    reposts: 0,
    replies: 0,
    quotes: 0,
    hashtags: [],
    mentions: [],
    links: [],
  }
}

/**
 * A repost known only from the list of who reposted a post (Bluesky `getRepostedBy`, Mastodon
 * `reblogged_by`): those lists name the accounts, not the repost records nor when they were made.
 * Its id is stable for the same reposter and post (as Bluesky feeds name a repost whose record
 * uri they omit), and its time is when it was first seen: a later reading keeps that time.
 */
export function repostSeenInList(network: string, reposterId: string, originalId: string, seenAt: Date): NormalizedPost {
  return repostPost(network, `repost:${reposterId}:${originalId}`, reposterId, originalId, seenAt)
}
