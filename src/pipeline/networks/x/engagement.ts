// Engagement re-reads through X's post lookup, `GET /2/tweets?ids=` (at most 100 ids a call,
// `public_metrics` only). Deleted, protected or suspended posts come back as partial errors in a
// 200 response: they are left out, and reported like every other partial error.
import type { EngagementReading } from '../connector.ts'
import type { HttpClient } from '../http.ts'
import { tweetListSchema, type XPartialError } from './schemas.ts'

export const POST_LOOKUP_MAX = 100
export const POST_LOOKUP_PATH = '/2/tweets'

/** `onBilled`: the posts X returned, each a billed read. */
export async function xEngagement(http: HttpClient, ids: string[], report: (errors: XPartialError[] | undefined, endpoint: string) => unknown, signal?: AbortSignal, onBilled?: (posts: number) => void): Promise<EngagementReading[]> {
  if (ids.length === 0) return []
  if (ids.length > POST_LOOKUP_MAX) throw new RangeError(`X post lookup takes at most ${POST_LOOKUP_MAX} ids`)
  const { body } = await http.getJson(POST_LOOKUP_PATH, { ids: ids.join(','), 'tweet.fields': 'public_metrics' }, tweetListSchema, signal ? { signal } : {})
  report(body.errors, POST_LOOKUP_PATH)
  onBilled?.(body.data?.length ?? 0)
  return (body.data ?? []).map((tweet) => ({
    externalId: tweet.id,
    likes: tweet.public_metrics?.like_count ?? 0,
    reposts: tweet.public_metrics?.retweet_count ?? 0,
    replies: tweet.public_metrics?.reply_count ?? 0,
    quotes: tweet.public_metrics?.quote_count ?? 0,
  }))
}
