import { z } from 'zod'

export const TREND_WINDOW_PATTERN = /^([1-9]\d{0,2})([hd])$/

export const trendSchema = z.object({
  value: z.string().describe('The hashtag (lower case, without #) or the term (a stem, as the post\'s language stems it).'),
  recent: z.number().int().describe('Posts using it in the recent window.'),
  baseline: z.number().describe('Mean posts per window over the previous windows.'),
  score: z.number().describe('(recent − baseline) / √(baseline + 1): roughly how many standard deviations above its usual level, for counts that behave like Poisson draws.'),
  changePct: z.number().nullable().describe('(recent − baseline) / baseline × 100; null when it was never used before (baseline 0).'),
})

export const topicTrendsSchema = z
  .object({
    window: z.string(),
    recentStart: z.iso.datetime(),
    end: z.iso.datetime().describe('Exclusive.'),
    baselineStart: z.iso.datetime(),
    baselineWindows: z.number().int(),
    minCount: z.number().int(),
    minScore: z.number(),
    networks: z.array(z.object({
      network: z.string(),
      recentMentions: z.number().int(),
      hashtags: z.array(trendSchema).describe('Rising hashtags, highest score first.'),
      terms: z.array(trendSchema).describe('Rising terms (word stems of posts in a language with stemming), highest score first.'),
    })),
  })
  .meta({
    id: 'TopicTrends',
    example: {
      window: '7d', recentStart: '2026-11-13T12:00:00.000Z', end: '2026-11-20T12:00:00.000Z', baselineStart: '2026-10-16T12:00:00.000Z',
      baselineWindows: 4, minCount: 3, minScore: 2,
      networks: [{
        network: 'mastodon', recentMentions: 120,
        hashtags: [{ value: 'velotaf', recent: 24, baseline: 3.5, score: 9.84, changePct: 585.7 }],
        terms: [{ value: 'grev', recent: 15, baseline: 1, score: 9.9, changePct: 1400 }],
      }],
    },
  })

export type Trend = z.infer<typeof trendSchema>
export type TopicTrends = z.infer<typeof topicTrendsSchema>
