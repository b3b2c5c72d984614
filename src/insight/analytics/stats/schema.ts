import { z } from 'zod'

const sentimentBucket = z.object({ count: z.number().int(), share: z.number().describe('Of all mentions in the range (0–1).') })

export const sentimentDistributionSchema = z
  .object({
    negative: sentimentBucket.describe('sentimentLabel negative (sentiment < -0.05)'),
    neutral: sentimentBucket.describe('sentimentLabel neutral (-0.05 ≤ sentiment ≤ 0.05)'),
    positive: sentimentBucket.describe('sentimentLabel positive (sentiment > 0.05)'),
    unknown: sentimentBucket.describe('No sentiment: a language the analyser does not know.'),
  })
  .meta({ id: 'SentimentDistribution' })

export const engagementRateSchema = z
  .object({
    engagement: z.number().int().describe('Likes + reposts + replies + quotes, summed over the mentions.'),
    perPost: z.number().nullable().describe('Engagement per mention (every mention counts).'),
    perFollower: z.number().nullable().describe('Engagement per follower of the author, over the mentions whose author has a known follower count above 0 only: their engagement divided by the sum of their authors\' current follower counts (one count per mention).'),
    postsWithFollowerCount: z.number().int().describe('How many mentions `perFollower` is computed over.'),
  })
  .meta({ id: 'EngagementRate' })

const change = z.object({
  current: z.number().nullable(),
  previous: z.number().nullable(),
  change: z.number().nullable().describe('current − previous'),
  changePct: z.number().nullable().describe('(current − previous) / |previous| × 100; null when previous is 0 or unknown.'),
})

export const weekOverWeekSchema = z
  .object({
    currentStart: z.iso.datetime().describe('The current week is [currentStart, until); the previous one the 7 days before.'),
    previousStart: z.iso.datetime(),
    mentions: change,
    authors: change,
    engagement: change,
    meanSentiment: change.describe('Mean of the known sentiments (-1…1).'),
  })
  .meta({ id: 'WeekOverWeek' })

export const topicStatsSchema = z
  .object({
    since: z.iso.datetime(),
    until: z.iso.datetime().describe('Exclusive.'),
    granularity: z.enum(['day', 'hour']),
    totals: z.object({ mentions: z.number().int(), uniqueAuthors: z.number().int(), engagementRate: engagementRateSchema, sentiment: sentimentDistributionSchema }),
    networks: z.array(z.object({
      network: z.string(),
      mentions: z.number().int(),
      share: z.number().describe('Share of the mentions (0–1).'),
      uniqueAuthors: z.number().int(),
      engagementRate: engagementRateSchema,
      sentiment: sentimentDistributionSchema,
    })).describe('Most mentions first.'),
    volume: z.array(z.object({
      start: z.iso.datetime().describe('Bucket start (UTC).'),
      mentions: z.number().int(),
      byNetwork: z.record(z.string(), z.number().int()),
    })).describe('Every bucket of the range, empty ones included.'),
    weekOverWeek: weekOverWeekSchema,
  })
  .meta({
    id: 'TopicStats',
    example: {
      since: '2026-11-01T00:00:00.000Z', until: '2026-11-03T00:00:00.000Z', granularity: 'day',
      totals: {
        mentions: 5, uniqueAuthors: 3,
        engagementRate: { engagement: 40, perPost: 8, perFollower: 0.02, postsWithFollowerCount: 4 },
        sentiment: { negative: { count: 1, share: 0.2 }, neutral: { count: 1, share: 0.2 }, positive: { count: 2, share: 0.4 }, unknown: { count: 1, share: 0.2 } },
      },
      networks: [{
        network: 'mastodon', mentions: 5, share: 1, uniqueAuthors: 3,
        engagementRate: { engagement: 40, perPost: 8, perFollower: 0.02, postsWithFollowerCount: 4 },
        sentiment: { negative: { count: 1, share: 0.2 }, neutral: { count: 1, share: 0.2 }, positive: { count: 2, share: 0.4 }, unknown: { count: 1, share: 0.2 } },
      }],
      volume: [{ start: '2026-11-01T00:00:00.000Z', mentions: 3, byNetwork: { mastodon: 3 } }, { start: '2026-11-02T00:00:00.000Z', mentions: 2, byNetwork: { mastodon: 2 } }],
      weekOverWeek: {
        currentStart: '2026-10-27T00:00:00.000Z', previousStart: '2026-10-20T00:00:00.000Z',
        mentions: { current: 5, previous: 4, change: 1, changePct: 25 },
        authors: { current: 3, previous: 3, change: 0, changePct: 0 },
        engagement: { current: 40, previous: 20, change: 20, changePct: 100 },
        meanSentiment: { current: 0.1, previous: 0.2, change: -0.1, changePct: -50 },
      },
    },
  })

export type TopicStats = z.infer<typeof topicStatsSchema>
export type SentimentDistribution = z.infer<typeof sentimentDistributionSchema>
export type EngagementRate = z.infer<typeof engagementRateSchema>
export type WeekOverWeek = z.infer<typeof weekOverWeekSchema>
