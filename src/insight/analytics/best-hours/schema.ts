import { z } from 'zod'

const slot = z.object({
  day: z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']),
  hour: z.number().int().min(0).max(23).describe('Local hour in the requested time zone (18 = 18:00–18:59).'),
  posts: z.number().int(),
  engagementPerPost: z.number().describe('Mean engagement of the slot\'s posts, as measured.'),
  expectedEngagementPerPost: z.number().describe('The same, shrunk toward the overall mean by how few posts the slot holds: (posts × slot mean + priorPosts × overall mean) / (posts + priorPosts). Slots are ranked by it.'),
})

const notice = z.object({ en: z.string(), fr: z.string() })

/** A 7 × 24 grid for the documentation, with one filled slot (Tuesday 18:00). */
const exampleGrid = <T>(empty: T, hour: number, value: number): (T | number)[][] =>
  Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => (d === 1 && h === hour ? value : empty)))

export const bestHoursSchema = z
  .object({
    timeZone: z.string(),
    since: z.iso.datetime(),
    until: z.iso.datetime(),
    minPosts: z.number().int().describe('A slot needs this many posts to be ranked among the best.'),
    minTotalPosts: z.number().int().describe('Posts a network (or all together) needs before any hour is recommended.'),
    networks: z.array(z.object({
      network: z.string().describe('A network, or "all" for every network together.'),
      posts: z.number().int(),
      enoughData: z.boolean().describe('False below `minTotalPosts`: `bestSlots` is then empty and `notice` says why.'),
      notice: notice.nullable().describe('"Not enough data yet", in English and French; null when there is enough.'),
      meanEngagementPerPost: z.number().describe('Mean engagement of all the posts: what a slot with few posts is pulled toward.'),
      priorPosts: z.number().nullable().describe('How many posts at the overall mean each slot is blended with: the within-slot variance over the between-slot variance (empirical Bayes, method of moments). Null when the slots differ no more than chance makes them: every slot is then given the overall mean.'),
      hourOfWeek: z.object({
        posts: z.array(z.array(z.number().int())).describe('7 rows (Monday first) × 24 hours: posts published in that local hour.'),
        engagementPerPost: z.array(z.array(z.number().nullable())).describe('7 × 24: mean engagement (likes + reposts + replies + quotes) of those posts; null without posts.'),
        expectedEngagementPerPost: z.array(z.array(z.number().nullable())).describe('7 × 24: the same, shrunk toward the overall mean (see `priorPosts`); null without posts.'),
      }),
      bestSlots: z.array(slot).describe('Up to 5 hours of the week with the highest expected engagement per post, among those with at least `minPosts` posts; empty when there is not enough data.'),
    })),
  })
  .meta({
    id: 'BestHours',
    example: {
      timeZone: 'Europe/Paris', since: '2026-08-22T12:00:00.000Z', until: '2026-11-20T12:00:00.000Z', minPosts: 3, minTotalPosts: 50,
      networks: [{
        network: 'all', posts: 420, enoughData: true, notice: null, meanEngagementPerPost: 6.1, priorPosts: 8.4,
        hourOfWeek: { posts: exampleGrid(0, 18, 12), engagementPerPost: exampleGrid(null, 18, 14.5), expectedEngagementPerPost: exampleGrid(null, 18, 11.04) },
        bestSlots: [{ day: 'tuesday', hour: 18, posts: 12, engagementPerPost: 14.5, expectedEngagementPerPost: 11.04 }],
      }],
    },
  })

export type BestHours = z.infer<typeof bestHoursSchema>
