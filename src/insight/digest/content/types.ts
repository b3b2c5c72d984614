// What a weekly digest says, as plain data: gathered from the database by ./gather.ts, rendered to
// HTML and text by ../render/. Every figure is for the week ending at `window.end`.

export interface WeekFigures {
  mentions: number
  authors: number
  /** Likes, reposts, replies and quotes of the week's mentions. */
  engagement: number
  /** Share (0–1) of the mentions that are negative, as the statistics API counts it; null without mentions. */
  negativeShare: number | null
}

export interface NetworkWeek {
  network: string
  current: WeekFigures
  previous: WeekFigures
}

export interface RankedAccount {
  accountId: number
  network: string
  handle: string
  displayName: string | null
  url: string | null
  /** 0–100 within the topic. */
  score: number
  rank: number
  /** Rank a week earlier; null when the account was not ranked then (a new entrant, when `comparedWith` is set). */
  previousRank: number | null
}

export interface RisingHashtag {
  tag: string
  /** Posts using it this week. */
  count: number
  /** Its usual weekly count, over the previous weeks. */
  usual: number
}

export interface NetworkFit {
  network: string
  /** 0–100, as the network-fit API scores it. */
  fitScore: number
  mentionShare: number
  authorShare: number
  engagementPerPost: number | null
  /** Share of the top 100 influencers on this network; null before the topic is scored. */
  influencerDensity: number | null
  /** Mentions against the week before, in percent; null without a week before. */
  growthPct: number | null
}

export interface InboxItem {
  postId: string
  network: string
  authorHandle: string | null
  text: string
  url: string | null
  createdAt: Date
  reasons: ('question' | 'negative' | 'directMention')[]
  engagement: number
}

export interface SpikeItem {
  alertId: number
  network: string
  kind: 'volume' | 'negative'
  hourStart: Date
  volume: number
  negativeShare: number
}

export interface DigestContent {
  topic: { id: string; name: string }
  window: { start: Date; end: Date }
  totals: { current: WeekFigures; previous: WeekFigures }
  networks: NetworkWeek[]
  /** Mentions per day of the week, oldest first (7 entries). */
  daily: { day: Date; mentions: number }[]
  /** When the ranking shown was computed; null when the topic was never scored. */
  scoredAt: Date | null
  /** The snapshot a week earlier the ranks are compared with; null when there is none (no movement shown). */
  comparedWith: Date | null
  influencers: RankedAccount[]
  /** Accounts that climbed most since a week earlier, outside the top list. */
  risers: RankedAccount[]
  relays: RankedAccount[]
  prospects: RankedAccount[]
  /** Whether the topic names its own accounts (prospects need them). */
  hasOwnAccounts: boolean
  hashtags: { network: string; rising: RisingHashtag[] }[]
  fit: NetworkFit[]
  /** Waiting for an answer now: how many (counted up to a cap; `more` beyond it) and the first few. */
  inbox: { total: number; more: boolean; items: InboxItem[] }
  spikes: SpikeItem[]
}
