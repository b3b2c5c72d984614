// The plain data a sandbox is made of. Posts are kept column-wise in typed arrays (and their
// text is rendered on demand from a per-post seed) so a million posts fit in tens of megabytes.

export const SANDBOX_LABEL = 'Relais sandbox — simulated network'
export const SANDBOX_HEADER = 'X-Relais-Sandbox'

export const LANGUAGES = ['fr', 'en', 'es', 'de'] as const
export type Language = (typeof LANGUAGES)[number]

export type SandboxNetwork = 'mastodon' | 'bluesky'

export interface TopicDefinition {
  id: string
  name: string
  /** Display forms; the first is the topic's main hashtag. */
  hashtags: string[]
}

export interface CommunityDefinition {
  id: string
  /** Topic the community talks about; null for the general, mostly off-topic crowd. */
  topic: string | null
  /** Share of all accounts. */
  weight: number
  languages: Partial<Record<Language, number>>
  /** Share of the community on Mastodon (the rest is on Bluesky). */
  mastodonShare: number
  /** Mastodon instance domains and their shares within the community. */
  instances: Record<string, number>
  /** Hours from UTC the members live at (one picked per account). */
  utcOffsets: number[]
}

export type AccountRole = 'hub' | 'bridge' | 'member'

export interface SandboxAccount {
  index: number
  network: SandboxNetwork
  /** Home instance domain (Mastodon) or null. */
  instance: string | null
  /** Mastodon username, or the first label of the Bluesky handle. */
  username: string
  /** `user@instance` on Mastodon, the full handle on Bluesky. */
  handle: string
  did: string | null
  displayName: string
  bio: string
  community: number
  /** Second community of a bridge, else -1. */
  secondCommunity: number
  languages: Language[]
  utcOffset: number
  role: AccountRole
  bot: boolean
  /** Mastodon `hide_collections`: followers/following answer `[]`. */
  hideCollections: boolean
  createdAt: Date
  /** Expected posts per day. */
  activity: number
}

export const PostKind = { original: 0, reply: 1, repost: 2, quote: 3 } as const

export const PostFlag = { question: 1, spike: 2, link: 4, tagsOnNewParagraph: 8, noLanguage: 16, tagOutsideText: 32 } as const

/** Column-wise posts, sorted by `createdAt` (strictly increasing: one post per millisecond). */
export interface PostColumns {
  count: number
  createdAt: Float64Array
  author: Int32Array
  kind: Uint8Array
  /** Index into `topics`, -1 for off-topic chatter. */
  topic: Int8Array
  /** Index into LANGUAGES. */
  lang: Int8Array
  /** -1 negative, 0 neutral, 1 positive. */
  sentiment: Int8Array
  flags: Uint8Array
  /** Indexes into `hashtags`, -1 when absent. */
  tag0: Int16Array
  tag1: Int16Array
  /** Mentioned account (same network), -1 when none. */
  mention: Int32Array
  /** Replied-to, reposted or quoted post, -1 for originals. */
  parent: Int32Array
  likes: Int32Array
  reposts: Int32Array
  replies: Int32Array
  quotes: Int32Array
}

/** Compressed adjacency: the neighbours of node n are `targets[offsets[n]..offsets[n+1])`. */
export interface Adjacency {
  offsets: Int32Array
  /** Edge indexes (into `FollowEdges`) in increasing order. */
  edges: Int32Array
}

/** Follow edges in creation order: the edge index doubles as the follow relationship id. */
export interface FollowEdges {
  count: number
  follower: Int32Array
  followee: Int32Array
  /** Edges by follower (who they follow) and by followee (who follows them). */
  out: Adjacency
  in: Adjacency
}

export interface SpikeTruth {
  topic: string
  hashtag: string
  sentiment: 'negative'
  /** UTC bounds of the spike window. */
  start: Date
  end: Date
  posts: number
  /** Post indexes of the planted spike posts. */
  postIndexes: number[]
}

export interface GroundTruth {
  hubs: { account: number; topic: string; network: SandboxNetwork }[]
  bridges: { account: number; communities: [string, string] }[]
  spike: SpikeTruth
}

export interface SandboxData {
  seed: string | number
  /** 32-bit hash of the seed; every derived random stream starts from it. */
  seedHash: number
  now: Date
  days: number
  futureHours: number
  label: string
  topics: TopicDefinition[]
  communities: CommunityDefinition[]
  /** Mastodon instance domains; the index is the instance's number in ids. */
  instances: string[]
  /** Hashtag display forms; lower-cased for matching. */
  hashtags: string[]
  accounts: SandboxAccount[]
  follows: FollowEdges
  posts: PostColumns
  /** Posts of each account, in time order. */
  postsByAuthor: { offsets: Int32Array; posts: Int32Array }
  truth: GroundTruth
}
