import { z } from 'zod'
import { languageCode } from '../../platform/shared/language-code.ts'
import { networkFilter } from '../../tenancy/topics/network-name.ts'

export const RANKINGS = ['influencers', 'relays', 'prospects'] as const
export type Ranking = (typeof RANKINGS)[number]
export const MOVER_PERIODS = ['day', 'week', 'month'] as const
export type MoverPeriod = (typeof MOVER_PERIODS)[number]

export const scoreComponentsSchema = z
  .object({
    pageRank: z.number().describe('Topic-sensitive PageRank of the account (sums to 1 over the topic graph).'),
    topicActivity: z.number().describe('Share of the on-topic activity (teleport weight) that is this account\'s.'),
    topicPosts: z.number(),
    engagement: z.number().describe('Likes + 2×reposts + replies + 2×quotes on its on-topic posts.'),
    inDegree: z.number().describe('Accounts of the topic graph paying attention to it.'),
    betweenness: z.number().describe('Normalised betweenness on the topic graph.'),
    crossCommunity: z.number().describe('Share of its ties that cross into other communities.'),
    amplification: z.number().describe('Reposts and quotes of on-topic posts it made.'),
    followers: z.number().nullable(),
    kCore: z.number().describe('Core number: how embedded it is.'),
    // Added with topical influence (absent from snapshots computed before).
    audience: z.boolean().optional().describe('No on-topic post in the window: an audience the topic listens to, not an influencer.'),
    likesReceived: z.number().optional().describe('Likes on its on-topic posts.'),
    repliesReceived: z.number().optional().describe('Replies to its on-topic posts.'),
    repostsReceived: z.number().optional().describe('Reposts of its on-topic posts.'),
    quotesReceived: z.number().optional().describe('Quotes of its on-topic posts.'),
    interactors: z.number().optional().describe('Distinct accounts that answered, reposted, quoted or mentioned it about the topic.'),
    topicalFollowers: z.number().optional().describe('Followers in the topic graph who posted on the topic.'),
    followedByMostActive: z.number().optional().describe('How many of the `mostActive` most active accounts of the topic follow it.'),
    mostActive: z.number().optional(),
    amplificationRate: z.number().optional().describe('Reposts and quotes ÷ (those + its own on-topic posts), shrunk towards the topic\'s mean rate over 5 posts.'),
    crossings: z.number().optional().describe('Posts passed on, each weighted by the share of its audience outside the author\'s community (replies at half).'),
    communitiesPassedFrom: z.number().optional().describe('Communities whose posts it reposted or quoted.'),
    audienceCommunities: z.number().optional().describe('Communities its audience (followers and those who interacted with it) belongs to.'),
    audienceInGraph: z.number().optional().describe('Distinct followers and accounts that interacted with it in the topic graph.'),
    followersBeyond: z.number().optional().describe('Followers the network counts beyond the topic graph (follower count less its followers in the graph): people who do not write on the topic, part of the relay\'s audience.'),
    sameAs: z.object({ network: z.string(), handle: z.string(), via: z.enum(['bridgy-fed', 'rel-me']) }).nullable().optional()
      .describe('The same person\'s account on another network, where the data shows it: a Bridgy Fed bridge handle (`bridgy-fed`), or a link the Mastodon profile verified with rel="me" pointing at the Bluesky profile or at the domain that is its handle (`rel-me`).'),
    prospectRank: z.number().nullable().optional().describe('Rank in the prospects\' own list; null when not a prospect.'),
    communityName: z.string().nullable().optional().describe('Its community\'s most distinctive hashtags and bio words.'),
  })
  .meta({ id: 'ScoreComponents' })

export const coverageSchema = z
  .object({
    nodes: z.number(), edges: z.number(), activeAuthors: z.number(),
    followListShare: z.number().describe('Share of active authors whose follow lists were collected.'),
    posts: z.number(), interactions: z.number(), follows: z.number(),
  })
  .meta({ id: 'ScoreCoverage' })

export const accountProfileSchema = z
  .object({
    id: z.string().describe('Relais account id'),
    network: z.string(),
    externalId: z.string(),
    handle: z.string(),
    displayName: z.string().nullable(),
    url: z.string().nullable(),
    bio: z.string().nullable(),
    followersCount: z.number().nullable(),
    followingCount: z.number().nullable(),
  })
  .meta({ id: 'AccountProfile' })

export const rankedAccountSchema = z
  .object({
    rank: z.number().int(),
    score: z.number().describe('0–100 within the topic'),
    influence: z.number(),
    relay: z.number(),
    community: z.number().int(),
    prospect: z.boolean(),
    movement: z.object({
      previousRank: z.number().int().nullable(),
      change: z.number().int().nullable().describe('Places gained since the previous snapshot (negative: lost).'),
      isNew: z.boolean().describe('Not ranked in the previous snapshot.'),
    }),
    components: scoreComponentsSchema,
    account: accountProfileSchema,
    audience: z.boolean().describe('Never posted on the topic in the window: listed after every account that did, as an audience the topic listens to (its influence is 0).'),
    communityName: z.string().nullable().describe('The community named by its most distinctive hashtags and bio words; null for a community too small to name.'),
    reasons: z.array(z.string()).describe('Why it ranks here, in words, in the language asked for with `lang`.'),
  })
  .meta({ id: 'RankedAccount' })

const RANKED_EXAMPLE = {
    rank: 1, score: 100, influence: 100, relay: 42.5, community: 3, prospect: false,
    movement: { previousRank: 2, change: 1, isNew: false },
    components: { pageRank: 0.0932, topicActivity: 0.021, topicPosts: 24, engagement: 310, inDegree: 57, betweenness: 0.16, crossCommunity: 0.12, amplification: 4, followers: 2200, kCore: 6 },
    account: { id: '1042', network: 'mastodon', externalId: 'noemie@piaille.fr', handle: 'noemie@piaille.fr', displayName: 'Noémie', url: 'https://piaille.fr/@noemie', bio: 'Vélotaf quotidien', followersCount: 2200, followingCount: 310 },
    audience: false, communityName: '#velotaf · #cargobike · cycliste',
    reasons: ['Wrote 24 posts on the topic in the window.', 'Received 23 replies, 12 reposts and 310 likes on them, from 41 accounts.', 'Followed by 34 of the 120 most active accounts on the topic.'],
  }

export const rankingPageSchema = z
  .object({
    ranking: z.enum(RANKINGS),
    computedAt: z.iso.datetime().nullable().describe('When the snapshot was computed; null before the first scoring.'),
    coverage: coverageSchema.nullable(),
    note: z.string().optional(),
    comparedWith: z.iso.datetime().nullable().optional()
      .describe('With `period`: when the snapshot the movements are measured against was computed (the one nearest the period\'s start); null when there is none yet.'),
    items: z.array(rankedAccountSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'RankingPage', example: { ranking: 'influencers', computedAt: '2026-11-24T10:40:00.000Z', coverage: { nodes: 354, edges: 1912, activeAuthors: 315, followListShare: 0.32, posts: 1218, interactions: 203, follows: 1709 }, items: [RANKED_EXAMPLE], nextCursor: 'WzEyLDEwXQ' } })

export type RankedAccount = z.infer<typeof rankedAccountSchema>
export type RankingPage = z.infer<typeof rankingPageSchema>

export const REASON_LANGUAGES = ['en', 'fr'] as const
export type ReasonLanguage = (typeof REASON_LANGUAGES)[number]

export const rankingFiltersSchema = z.strictObject({
  network: networkFilter,
  community: z.coerce.number().int().min(0).max(1_000_000).optional(),
  minFollowers: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
  language: languageCode.optional().describe('Accounts that posted on the topic in this language (ISO 639-1).'),
  period: z.enum(MOVER_PERIODS).optional()
    .describe('Movements over this period (day, week, month = 30 days), against the snapshot nearest its start; without it, against the previous snapshot.'),
})
export type RankingFilters = z.infer<typeof rankingFiltersSchema>
