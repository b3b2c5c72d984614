import type { CollectedBatch, NormalizedAccount, NormalizedFollow } from './model.ts'
import type { CollectableNetwork } from '../../platform/shared/network-names.ts'
import type { SearchSpec } from '../query/search-spec.ts'


/**
 * Opaque, JSON-serialisable resume point owned by the connector. The job stores it in the same
 * transaction as the page it came with; handing it back continues exactly where that page ended.
 */
export type Checkpoint = Record<string, unknown>

export interface SearchPage extends CollectedBatch {
  checkpoint: Checkpoint
  /** true when the walk reached what the previous run had already seen (or the end). */
  done: boolean
  /** Items the network could not give inside a successful page (X: `errors[]` of a 200). */
  partialErrors?: readonly PagePartialError[]
}

/** What a page says about an item it could not give: no credentials, only the network's words and the item's id. */
export interface PagePartialError { title?: string | undefined; detail?: string | undefined; resource_id?: string | undefined }

export interface FollowPage {
  follows: NormalizedFollow[]
  accounts: NormalizedAccount[]
  /** null at the end of the list. */
  cursor: string | null
}

export interface PostsPage extends CollectedBatch {
  cursor: string | null
  /**
   * Requests this page made besides its own read (Mastodon: the search with `resolve` that finds
   * the instance's id of a status it has not seen); counted in the run's requests and budgets.
   */
  extraRequests?: number
  /**
   * The page's own read was not made (Mastodon: a status this instance has no id for): only its
   * `extraRequests` count.
   */
  skippedRead?: boolean
}

/** A post's engagement counts as the network gives them now. */
export interface EngagementReading { externalId: string; likes: number; reposts: number; replies: number; quotes: number }

export interface ConnectorCapabilities {
  search: boolean
  authorPosts: boolean
  /** false for networks without a follower graph (Reddit). */
  followGraph: boolean
}

export interface Connector {
  readonly network: CollectableNetwork
  readonly capabilities: ConnectorCapabilities
  /** One page of mentions, newest first, resuming from `checkpoint` (null: first run). */
  searchPage(spec: SearchSpec, checkpoint: Checkpoint | null, signal?: AbortSignal): Promise<SearchPage>
  authorPostsPage(accountId: string, cursor: string | null, signal?: AbortSignal): Promise<PostsPage>
  /** Throws `NotSupportedError` when `capabilities.followGraph` is false. */
  followersPage(accountId: string, cursor: string | null, signal?: AbortSignal): Promise<FollowPage>
  followingPage(accountId: string, cursor: string | null, signal?: AbortSignal): Promise<FollowPage>
  /** Profiles with counts, batched as the network allows. Unknown ids are left out. */
  profiles(accountIds: string[], signal?: AbortSignal): Promise<NormalizedAccount[]>
  /**
   * Current counts of posts, in one request of at most `engagementBatch` ids (the network's own
   * batch read). Deleted or unknown posts are left out. Absent where not built for the network.
   */
  engagement?(postIds: string[], signal?: AbortSignal): Promise<EngagementReading[]>
  /** Ids per engagement request; may drop during a run when the network's batch read proves missing. */
  readonly engagementBatch?: number
  /**
   * Most posts the engagement refresh may read through this source per run, where the network
   * bills every post read (X: a setting of the source, see x/billed-reads.ts). Absent: only the
   * job's request budget bounds it.
   */
  readonly engagementReadsPerRun?: number
  /** Posts read so far through this connector that the network bills (X); absent where reads are not billed. */
  billedPostReads?(): number
  /** Users (profiles, follow lists, reposters) read so far that the network bills (X). */
  billedUserReads?(): number
  /**
   * One page of posts that mention or answer `account` (one of a topic's own accounts, as people
   * wrote it), newest first, resuming from `checkpoint` like `searchPage`. Absent where the
   * network offers no such read to this source (see src/pipeline/collect/own-mentions.ts).
   */
  ownMentionsPage?(account: string, checkpoint: Checkpoint | null, signal?: AbortSignal): Promise<OwnMentionsPage>
  /**
   * One page of a search bounded in time (`since` included, `until` excluded, on the time the
   * network sorts search by), newest first; `cursor` null at the end. Fills the spans a live
   * stream missed. Absent where not built for the network.
   */
  searchWindowPage?(spec: SearchSpec, window: { since: Date; until: Date }, cursor: string | null, signal?: AbortSignal): Promise<PostsPage>
  /** Posts are read back by the source's own id for them (`readId`), not by their external id. */
  readonly readsByReadId?: boolean
  /**
   * One page of the replies under a post (`postId` as stored), as posts whose `replyTo` is their
   * parent, with their authors; `cursor` null at the end. Absent where not built for the network.
   */
  repliesPage?(post: ConversationPost, cursor: string | null, signal?: AbortSignal): Promise<PostsPage>
  /**
   * One page of who reposted a post, each repost as a post by the reposter whose `repostOf` is
   * the post; `cursor` null at the end. Absent where not built for the network.
   */
  repostsPage?(post: ConversationPost, cursor: string | null, signal?: AbortSignal): Promise<PostsPage>
  /**
   * Requests made so far to learn about the server itself rather than to read content (Mastodon:
   * the domain of its accounts, read once per source and kept; whose its access token is, read
   * once per connector): counted in the run's stats.
   */
  readonly setupRequests?: number
  /**
   * Requests made so far by `profiles` (Bluesky `getProfiles`, Reddit's name lookups and
   * `about` pages, Mastodon account lookups, X `/2/users`): counted in the run's stats.
   */
  readonly profileRequests?: number
  /**
   * Requests made so far to look up posts that collected ones reply to or quote, so that they can
   * be named (Mastodon gives them by the instance's own id): counted in the run's stats.
   */
  readonly referenceRequests?: number
  /** Most `repostsPage` requests a run, where the network bills each account it lists (X); absent: the job's budget alone. */
  readonly repostPagesPerRun?: number
}

/**
 * The post whose replies or reposters are read: its id as stored, when it was written (the time of
 * reposts known only from a list), and the id this source reads it back by where it is not the
 * stored one (a Mastodon status's id on the instance, kept at collection; null when not known).
 */
export interface ConversationPost { externalId: string; createdAt: Date; readId: string | null }

export interface OwnMentionsPage extends SearchPage {
  /** Why this source cannot read the account's mentions (e.g. a token of another account); the page is then empty. */
  unavailable?: string
  /** The account's mentions are read elsewhere (e.g. on its home Mastodon instance): nothing to do here. */
  elsewhere?: boolean
}
