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
 * uri they omit), and its time is the original's: a repost is never older than what it passes on,
 * most come within hours of it, and the stored time then does not depend on when the list was read
 * (dated by the reading, a backlog read late would put every repost at that moment, and a run
 * slowed by faults would store other times than a clean one).
 */
export function repostSeenInList(network: string, reposterId: string, original: { externalId: string; createdAt: Date }): NormalizedPost {
  return repostPost(network, `repost:${reposterId}:${original.externalId}`, reposterId, original.externalId, original.createdAt)
}
