import type { NormalizedAccount, NormalizedFollow, NormalizedPost } from '../networks/model.ts'
import type { AccountRecord, FollowRecord, PostRecord } from './records.ts'

// Records → the normalised model ingest consumes. Hashtags, mentions and links are left empty:
// enrichment finds them in the text, as it does for collected posts.

export function toAccount(a: AccountRecord): NormalizedAccount {
  return {
    network: a.network,
    externalId: a.id,
    handle: a.handle,
    displayName: a.displayName,
    bio: a.bio,
    url: null,
    followersCount: a.followersCount,
    followingCount: a.followingCount,
    postsCount: a.postsCount,
    ...(a.verifiedLinks && { verifiedLinks: a.verifiedLinks }),
  }
}

export function toPost(p: PostRecord): NormalizedPost {
  return {
    network: p.network,
    externalId: p.id,
    authorExternalId: p.authorId,
    createdAt: p.createdAt,
    text: p.text,
    lang: p.lang,
    url: p.url,
    replyToExternalId: p.replyTo,
    replyToAuthorExternalId: null,
    repostOfExternalId: p.repostOf,
    quoteOfExternalId: p.quoteOf,
    likes: p.likes,
    reposts: p.reposts,
    replies: p.replies,
    quotes: 0,
    hashtags: [],
    mentions: [],
    links: [],
  }
}

export function toFollow(f: FollowRecord): NormalizedFollow {
  return { network: f.network, followerExternalId: f.followerId, followeeExternalId: f.followeeId }
}
