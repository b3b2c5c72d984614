// Engagement re-reads through `GET /api/info?id=` (at most 100 fullnames a call, the listing
// limit). Relais collects submissions (t3) and the comments under them (t1, read as replies): a
// comment's score stands for its likes, as at collection (comment-tree.ts); any other kind in the
// answer is ignored. Deleted things still come back (author "[deleted]") with their last counts;
// unknown fullnames are left out.
import { z } from 'zod'
import type { EngagementReading } from '../connector.ts'
import type { HttpClient } from '../http.ts'
import { countsOf } from './normalize.ts'
import { redditPostSchema } from './schemas.ts'

export const INFO_MAX_IDS = 100

const infoListingSchema = z.object({
  kind: z.literal('Listing'),
  data: z.object({ children: z.array(z.object({ kind: z.string(), data: z.unknown() })) }),
})

const commentScoreSchema = z.object({ name: z.string().startsWith('t1_'), score: z.number().default(0) })

export async function redditEngagement(http: HttpClient, fullnames: string[], signal?: AbortSignal): Promise<EngagementReading[]> {
  if (fullnames.length === 0) return []
  if (fullnames.length > INFO_MAX_IDS) throw new RangeError(`Reddit /api/info takes at most ${INFO_MAX_IDS} fullnames`)
  const { body } = await http.getJson('/api/info', { id: fullnames.join(','), raw_json: 1 }, infoListingSchema, signal ? { signal } : {})
  const readings: EngagementReading[] = []
  for (const child of body.data.children) {
    if (child.kind === 't1') {
      const comment = commentScoreSchema.safeParse(child.data)
      if (comment.success) readings.push({ externalId: comment.data.name, likes: Math.max(0, comment.data.score), reposts: 0, replies: 0, quotes: 0 })
      continue
    }
    if (child.kind !== 't3') continue
    const post = redditPostSchema.safeParse(child.data)
    if (post.success) readings.push({ externalId: post.data.name, ...countsOf(post.data) })
  }
  return readings
}
