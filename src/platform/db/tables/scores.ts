import type { ColumnType, Generated, Selectable } from 'kysely'

export interface ScoreCoverage {
  nodes: number
  edges: number
  /** Accounts that posted on the topic in the window. */
  activeAuthors: number
  /** Share of active authors whose follow lists have been collected (0–1). */
  followListShare: number
  posts: number
  interactions: number
  follows: number
}

export interface ScoreRunsTable {
  id: Generated<number>
  topic_id: string
  computed_at: Generated<Date>
  window_start: Date
  params: ColumnType<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>>
  coverage: ColumnType<ScoreCoverage, ScoreCoverage, ScoreCoverage>
}
export type ScoreRunRow = Selectable<ScoreRunsTable>

/** The figures a score was computed from, shown to users as its explanation. */
export interface ScoreComponents {
  pageRank: number
  /** Share of the teleport (on-topic activity) that went to this account. */
  topicActivity: number
  topicPosts: number
  engagement: number
  inDegree: number
  betweenness: number
  /** Share of the account's ties that cross into other communities (0–1). */
  crossCommunity: number
  /** Reposts and quotes of on-topic posts the account made. */
  amplification: number
  followers: number | null
  kCore: number
  // Added with topical influence; absent from snapshots computed before.
  /** No on-topic post in the window: an audience the topic listens to, not an influencer. */
  audience?: boolean
  likesReceived?: number
  repliesReceived?: number
  repostsReceived?: number
  quotesReceived?: number
  /** Distinct accounts that answered, reposted, quoted or mentioned it about the topic. */
  interactors?: number
  /** Followers in the topic graph who posted on the topic. */
  topicalFollowers?: number
  /** Followed by this many of the `mostActive` most active accounts of the topic. */
  followedByMostActive?: number
  mostActive?: number
  /** Reposts and quotes ÷ (those + own on-topic posts), shrunk towards the topic's mean. */
  amplificationRate?: number
  /** Content passed on, weighted by the share of its audience outside the author's community. */
  crossings?: number
  communitiesPassedFrom?: number
  audienceCommunities?: number
  /** Distinct followers and interlocutors it has in the topic graph. */
  audienceInGraph?: number
  /** Followers the network counts beyond the topic graph (its follower count less those in the graph). */
  followersBeyond?: number
  /** The same person's account on another network, and how that is known. */
  sameAs?: { network: string; handle: string; via: 'bridgy-fed' | 'rel-me' } | null
  /** Rank within the prospects' own list, null when not a prospect. */
  prospectRank?: number | null
  /** Name of its community, from the community's distinctive hashtags and bio words. */
  communityName?: string | null
}

export interface ScoresTable {
  run_id: number
  account_id: number
  influence: number
  relay: number
  influence_rank: number
  relay_rank: number
  previous_influence_rank: number | null
  previous_relay_rank: number | null
  prospect: boolean
  community: number
  components: ColumnType<ScoreComponents, ScoreComponents, ScoreComponents>
}
