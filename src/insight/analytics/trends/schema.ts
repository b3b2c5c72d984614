import { z } from 'zod'

export const TREND_WINDOW_PATTERN = /^([1-9]\d{0,2})([hd])$/

const localized = z.object({ en: z.string(), fr: z.string() })

export const trendSchema = z.object({
  value: z.string().describe('The hashtag (without #) or the word, as people wrote it most: in lower case with its accents ("vélo", "grève"), capitalised only when people mostly capitalise it.'),
  forms: z.array(z.string()).describe('The spellings counted together (accents, case, plural, other forms of the same stem), most written first; at most 5.'),
  recent: z.number().int().describe('Posts using it in the recent window.'),
  authors: z.number().int().describe('Accounts among those posts.'),
  baseline: z.number().describe('Mean posts using it per window over the baseline windows collection covered.'),
  expected: z.number().describe('Posts expected to use it in the recent window: its share of the baseline posts applied to the recent posts, plus a prior of one baseline use and two recent uses.'),
  score: z.number().describe('2 × (√(recent + 3/8) − √(expected + 3/8)): roughly how many standard deviations above the expected level (a Poisson z-score on the square-root scale, which does not reward a word with no history for a handful of uses).'),
  changePct: z.number().nullable().describe('Change in the share of posts using it, recent window against baseline, in percent; null when the baseline never used it.'),
})

export const topicTrendsSchema = z
  .object({
    window: z.string(),
    recentStart: z.iso.datetime(),
    end: z.iso.datetime().describe('Exclusive.'),
    baselineStart: z.iso.datetime().describe('The earliest the baseline may reach; it starts later on a network whose collection began later (`coverageStart`).'),
    baselineWindows: z.number().int(),
    minCount: z.number().int(),
    minScore: z.number(),
    minBaselinePosts: z.number().int().describe('Baseline posts a network needs before anything is called rising there.'),
    minAuthors: z.number().int().describe('Accounts that must have used a value in the recent window.'),
    postsInRange: z.number().int().describe('Posts of the topic in the baseline and recent windows (reposts aside).'),
    postsAnalysed: z.number().int().describe('Of those, posts read: all of them up to 40,000, an even sample beyond.'),
    networks: z.array(z.object({
      network: z.string(),
      recentMentions: z.number().int().describe('Posts analysed in the recent window (reposts aside).'),
      baselinePosts: z.number().int().describe('Posts analysed in the baseline, counted from the coverage start.'),
      coverageStart: z.iso.datetime().nullable().describe('When collection began to cover this network for the topic (its earliest 1% of posts): earlier windows are not counted as silence.'),
      baselineWindowsCovered: z.number().describe('How many of the baseline windows collection covered (0–4).'),
      enoughHistory: z.boolean().describe('False below `minBaselinePosts`: the lists are then empty, with a notice.'),
      notice: localized.nullable().describe('Why nothing is shown, in English and French; null when the lists could be computed.'),
      hashtags: z.array(trendSchema).describe('Rising hashtags, highest score first; the topic\'s own query terms are left out.'),
      terms: z.array(trendSchema).describe('Rising words, highest score first: no stopword (stopwords-iso lists of the post\'s language and English), number, time, link, mention, hashtag or query term.'),
    })),
  })
  .meta({
    id: 'TopicTrends',
    example: {
      window: '7d', recentStart: '2026-11-13T12:00:00.000Z', end: '2026-11-20T12:00:00.000Z', baselineStart: '2026-10-16T12:00:00.000Z',
      baselineWindows: 4, minCount: 3, minScore: 2, minBaselinePosts: 30, minAuthors: 2, postsInRange: 520, postsAnalysed: 520,
      networks: [{
        network: 'mastodon', recentMentions: 120, baselinePosts: 400, coverageStart: '2026-09-30T08:12:00.000Z', baselineWindowsCovered: 4, enoughHistory: true, notice: null,
        hashtags: [{ value: 'vélotaf', forms: ['vélotaf', 'velotaf'], recent: 24, authors: 17, baseline: 3.5, expected: 6.5, score: 4.88, changePct: 128.6 }],
        terms: [{ value: 'grève', forms: ['grève', 'grèves', 'Grève'], recent: 15, authors: 12, baseline: 1, expected: 3.5, score: 3.86, changePct: 400 }],
      }],
    },
  })

export type Trend = z.infer<typeof trendSchema>
export type TopicTrends = z.infer<typeof topicTrendsSchema>
