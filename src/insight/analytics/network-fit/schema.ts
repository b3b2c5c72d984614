import { z } from 'zod'

const notice = z.object({ en: z.string(), fr: z.string() })

export const networkFitEntrySchema = z.object({
  network: z.string(),
  rank: z.number().int(),
  fitScore: z.number().describe('0–100: 30% mention share, 20% author share, 30% influencer density, 10% engagement per post relative to the best network, 10% growth (−100% → 0, flat → 0.5, +100% or more, or new this week → 1). Without a score snapshot the influencer part is left out and the others are scaled up.'),
  mentions: z.number().int(),
  mentionShare: z.number(),
  uniqueAuthors: z.number().int(),
  authorShare: z.number(),
  engagementPerPost: z.number().nullable(),
  influencers: z.object({
    top10: z.number().int().describe('Accounts of the latest snapshot\'s top 10 influencers on this network.'),
    top100: z.number().int(),
    density: z.number().nullable().describe('Share of the snapshot\'s top 100 influencers on this network; null before the first scoring.'),
  }),
  growth: z.object({
    currentWeek: z.number().int(),
    previousWeek: z.number().int(),
    changePct: z.number().nullable(),
  }).describe('Mentions in the 7 days before `until` against the 7 before.'),
  enoughData: z.boolean().describe('False below `minNetworkMentions` mentions: its shares, engagement and growth are anecdotes, and it is never the recommendation.'),
  notice: notice.nullable().describe('"Not enough data yet", in English and French; null when there is enough.'),
  reasons: z.array(z.string()).describe('The figures above, in words.'),
})

export const networkFitSchema = z
  .object({
    since: z.iso.datetime(),
    until: z.iso.datetime(),
    scoreRun: z.object({ id: z.number().int(), computedAt: z.iso.datetime() }).nullable(),
    mentions: z.number().int().describe('Mentions of the topic in the period, all networks together: the sample the figures rest on.'),
    minMentions: z.number().int().describe('Mentions needed, all networks together, before a network is recommended.'),
    minNetworkMentions: z.number().int().describe('Mentions a network needs before it can be recommended.'),
    enoughData: z.boolean(),
    notice: notice.nullable().describe('"Not enough data yet", in English and French, when the topic has fewer than `minMentions` mentions; null otherwise.'),
    recommendation: z.object({ network: z.string(), summary: z.string() }).nullable().describe('The best-fitting network with enough data, and why; null when there is not enough data.'),
    networks: z.array(networkFitEntrySchema).describe('Best fit first.'),
  })
  .meta({
    id: 'NetworkFit',
    example: {
      since: '2026-10-21T12:00:00.000Z', until: '2026-11-20T12:00:00.000Z', scoreRun: { id: 12, computedAt: '2026-11-20T06:00:00.000Z' },
      mentions: 1000, minMentions: 20, minNetworkMentions: 5, enoughData: true, notice: null,
      recommendation: { network: 'mastodon', summary: 'Most of the conversation (64%) and 7 of the top 10 influencers are on Mastodon.' },
      networks: [{
        network: 'mastodon', rank: 1, fitScore: 68.4, mentions: 640, mentionShare: 0.64, uniqueAuthors: 210, authorShare: 0.58, engagementPerPost: 6.2,
        influencers: { top10: 7, top100: 61, density: 0.61 }, growth: { currentWeek: 160, previousWeek: 128, changePct: 25 }, enoughData: true, notice: null,
        reasons: ['Most of the conversation (64%) is on Mastodon.', '7 of the top 10 influencers and 61 of the top 100 are on Mastodon.', 'Engagement per post is the highest there (6.2).', 'Mentions grew 25% week over week (128 → 160).'],
      }],
    },
  })

export type NetworkFit = z.infer<typeof networkFitSchema>
export type NetworkFitEntry = z.infer<typeof networkFitEntrySchema>
