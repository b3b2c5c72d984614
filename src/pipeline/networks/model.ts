// The normalised model every connector produces and every later stage consumes.
// Identity rules (why): ids must be global and stable across collections.
// - Mastodon: account id = lower-cased `user@host` (instance-local ids differ per instance);
//   post id = the status ActivityPub `uri`.
// - Bluesky: account id = DID (handles change); post id = the AT-URI.
// - Reddit: account id = the `t2_` fullname; post id = the `t3_`/`t1_` fullname.
// - X: the string ids the API gives.

export interface NormalizedAccount {
  network: string
  externalId: string
  /** What people type: `alice@other.example`, `alice.bsky.social`, `u/alice`, `alice`. */
  handle: string
  displayName: string | null
  bio: string | null
  url: string | null
  /** null when the network did not say (e.g. Bluesky list views carry no counts). */
  followersCount: number | null
  followingCount: number | null
  postsCount: number | null
  /**
   * Links the network itself verified as the owner's own (Mastodon profile fields checked with
   * rel=me), http(s) only. Absent when the network did not say; [] when it said there are none.
   */
  verifiedLinks?: string[]
}

export interface MentionRef {
  /** Known when the network resolves it (Bluesky DID, X id, Mastodon acct). */
  externalId: string | null
  handle: string
}

export interface NormalizedPost {
  network: string
  externalId: string
  /** The id the source reads the post back by, when it is not `externalId` (a Mastodon status's instance-local id). */
  readId?: string
  /** null when the author is gone (Reddit `[deleted]`). */
  authorExternalId: string | null
  createdAt: Date
  /** Plain text (HTML already turned into text). */
  text: string
  /** ISO 639-1 when the network says; null otherwise (ingest may detect it). */
  lang: string | null
  url: string | null
  replyToExternalId: string | null
  /** Author of the post replied to, when the network tells it. */
  replyToAuthorExternalId: string | null
  repostOfExternalId: string | null
  quoteOfExternalId: string | null
  likes: number
  reposts: number
  replies: number
  quotes: number
  /** Lower-case, without `#`. From the network's own entities/facets when it gives them. */
  hashtags: string[]
  mentions: MentionRef[]
  links: string[]
}

export interface NormalizedFollow {
  network: string
  followerExternalId: string
  followeeExternalId: string
}

/** What a collection step returns: the items and the accounts they reference. */
export interface CollectedBatch {
  posts: NormalizedPost[]
  accounts: NormalizedAccount[]
}
