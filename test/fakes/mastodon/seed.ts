// What a fake Mastodon instance is seeded with. Order is meaning: statuses and follows are listed
// oldest first, and that order is the server's id order (ids themselves may be any string, as on
// GoToSocial or Akkoma, so a connector that parses them as numbers fails the tests).

export interface FakeMastodonAccount {
  /** Instance-local id. */
  id: string
  username: string
  /** Home domain of a remote account; absent for accounts local to the fake instance. */
  domain?: string
  displayName?: string
  /** HTML, as Mastodon stores it. */
  note?: string
  /** Followers/following answered with `200 []`. */
  hideCollections?: boolean
  /** Opted out of full-text search (`indexable: false`). */
  indexable?: boolean
  followersCount?: number
  followingCount?: number
  statusesCount?: number
  /** Profile URL as served, when a test needs one other than the instance's own. */
  url?: string
}

export interface FakeMastodonQuote {
  statusId: string
  state?: 'accepted' | 'pending' | 'rejected' | 'revoked' | 'deleted' | 'unauthorized' | string
  /** Render as a ShallowQuote (`quoted_status_id` only), as Mastodon does for nested quotes. */
  shallow?: boolean
}

export interface FakeMastodonStatus {
  id: string
  accountId: string
  createdAt: string
  /**
   * Plain text with `#tags`, `@user` / `@user@domain` mentions and URLs: the fake renders it to
   * Mastodon's HTML and derives `tags[]` and `mentions[]`, as the server does. Ignored with `html`.
   */
  text?: string
  /** Raw `content`, used as is (then `tags`/`mentionIds` say what it contains). */
  html?: string
  tags?: string[]
  mentionIds?: string[]
  spoilerText?: string
  language?: string | null
  inReplyToId?: string
  /** A boost of another status: its own content is empty. */
  reblogOfId?: string
  quote?: FakeMastodonQuote
  visibility?: 'public' | 'unlisted' | 'private' | 'direct'
  favourites?: number
  /** When the author last edited it (rendered as `edited_at`). */
  editedAt?: string
  /** Deleted statuses keep their place in the id order but are never shown. */
  deleted?: boolean
  /** Status URL as served, when a test needs one other than the instance's own. */
  url?: string
}

export interface FakeMastodonFollow {
  /** The relationship id: the cursor of follow lists (never an account id). */
  id: string
  followerId: string
  followeeId: string
}

export interface FakeMastodonSeed {
  accounts: FakeMastodonAccount[]
  statuses?: FakeMastodonStatus[]
  follows?: FakeMastodonFollow[]
  /** Accepted bearer tokens. */
  tokens?: string[]
  /** Tokens of local accounts (token → account id): they read that account's notifications. */
  tokenOwners?: Record<string, string>
  /** Per-window request budget, reported in `X-RateLimit-*`; 429 once spent. */
  rateLimit?: { limit: number; windowMs: number }
  /** `GET /api/v1/statuses?id[]=` exists (Mastodon 4.3+); default true. */
  batchStatusLookup?: boolean
  /**
   * LOCAL_DOMAIN, the domain of the instance's own accounts, where it differs from the host the
   * fake is reached at (its WEB_DOMAIN): local accounts are then `user@<localDomain>` to the rest of
   * the fediverse, while their `acct` stays `user` and their uris stay on the web host.
   * Default: the host.
   */
  localDomain?: string
  /** `GET /api/v2/instance` exists (Mastodon 4.0+); default true. Without it, `/api/v1/instance` still answers. */
  instanceV2?: boolean
}
