// Engagement re-reads through `GET /api/info?id=` (at most 100 fullnames a call, the listing
// limit). Relais collects posts (t3) only; any other kind in the answer is ignored. Deleted posts
// still come back (author "[deleted]") with their last counts; unknown fullnames are left out.
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

export async function redditEngagement(http: HttpClient, fullnames: string[], signal?: AbortSignal): Promise<EngagementReading[]> {
  if (fullnames.length === 0) return []
  if (fullnames.length > INFO_MAX_IDS) throw new RangeError(`Reddit /api/info takes at most ${INFO_MAX_IDS} fullnames`)
  const { body } = await http.getJson('/api/info', { id: fullnames.join(','), raw_json: 1 }, infoListingSchema, signal ? { signal } : {})
  const readings: EngagementReading[] = []
  for (const child of body.data.children) {
    if (child.kind !== 't3') continue
    const post = redditPostSchema.safeParse(child.data)
    if (post.success) readings.push({ externalId: post.data.name, ...countsOf(post.data) })
  }
  return readings
}
