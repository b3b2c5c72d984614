// What a fake Bluesky (AppView + PDS in one server) is seeded with.

export interface FakeBlueskyActor {
  did: string
  /** `handle.invalid` when the handle no longer verifies. */
  handle: string
  displayName?: string
  description?: string
  /** Filtered out of lists after the page is cut, so pages come back short (or empty) with a cursor. */
  takenDown?: boolean
}

/** A raw facet, when a test wants exact offsets; otherwise the fake computes them from the text. */
export interface FakeBlueskyFacet {
  index: { byteStart: number; byteEnd: number }
  features: Record<string, unknown>[]
}

export interface FakeBlueskyPost {
  rkey: string
  authorDid: string
  text: string
  /** Client-asserted, may be in the future or malformed. */
  createdAt: string
  /** Server time; defaults to `createdAt`. */
  indexedAt?: string
  langs?: string[]
  /** Record `tags[]`: hashtags not written in the text. */
  tags?: string[]
  facets?: FakeBlueskyFacet[]
  /** AT-URI of the parent (and root; defaults to the parent). */
  replyTo?: { parent: string; root?: string }
  /** AT-URI of a quoted record; `withMedia` wraps it in recordWithMedia. */
  quote?: { uri: string; withMedia?: boolean }
  likes?: number
  deleted?: boolean
}

export interface FakeBlueskyRepost {
  rkey: string
  byDid: string
  subjectUri: string
  indexedAt: string
  /** Old AppViews sent reasonRepost without the repost record's uri. */
  omitUri?: boolean
}

export interface FakeBlueskyFollow {
  followerDid: string
  followeeDid: string
}

export interface FakeBlueskyLogin {
  /** Handle, DID or email accepted by createSession. */
  identifier: string
  password: string
  did: string
}

export interface FakeBlueskySeed {
  actors: FakeBlueskyActor[]
  /** Oldest first. */
  posts?: FakeBlueskyPost[]
  reposts?: FakeBlueskyRepost[]
  /** Oldest first. */
  follows?: FakeBlueskyFollow[]
  logins?: FakeBlueskyLogin[]
  rateLimit?: { limit: number; windowSeconds: number }
}

export const postUri = (did: string, rkey: string): string => `at://${did}/app.bsky.feed.post/${rkey}`
export const repostUri = (did: string, rkey: string): string => `at://${did}/app.bsky.feed.repost/${rkey}`
