// Who reposted a post: `GET /2/tweets/:id/retweeted_by` (bearer token), up to 100 users a page
// (`max_results` 1–100), paged by `pagination_token` from `meta.next_token`, absent at the end; an
// empty page is `{"meta":{"result_count":0}}`. A deleted or protected post is a partial error of a
// 200, with no data. The list names users, not the retweets nor their times. Rate limit: 75
// requests per 15 minutes per app; each user returned is a billed read (User: Read), so the users
// a run reads are bounded by the source's `repostReadsPerRun` (./billed-reads.ts): pages of 100,
// the last one asking only for what is left of it.
import type { ConversationPost, PostsPage } from '../connector.ts'
import type { HttpClient } from '../http.ts'
import { repostSeenInList } from '../repost-post.ts'
import { USER_FIELDS } from './fields.ts'
import { normalizeUser } from './normalize.ts'
import { userListSchema, type XUserList } from './schemas.ts'

/** `max_results` bounds of the endpoint (1 to 100): any whole number of users from 1 can be asked for. */
export const RETWEETED_BY_MIN = 1
export const RETWEETED_BY_MAX = 100

/** One page of who reposted `post`, `pageSize` of them at most (RETWEETED_BY_MIN to RETWEETED_BY_MAX). */
export async function xRepostsPage(http: HttpClient, post: ConversationPost, cursor: string | null, pageSize: number, onPage: (body: XUserList, endpoint: string) => void, signal?: AbortSignal): Promise<PostsPage> {
  if (!Number.isInteger(pageSize) || pageSize < RETWEETED_BY_MIN || pageSize > RETWEETED_BY_MAX) throw new RangeError(`retweeted_by takes ${RETWEETED_BY_MIN} to ${RETWEETED_BY_MAX} users a page, not ${pageSize}`)
  const path = `/2/tweets/${encodeURIComponent(post.externalId)}/retweeted_by`
  const query = { max_results: pageSize, 'user.fields': USER_FIELDS, pagination_token: cursor ?? undefined }
  const { body } = await http.getJson(path, query, userListSchema, signal ? { signal } : {})
  onPage(body, path)
  const users = body.data ?? []
  return {
    posts: users.map((user) => repostSeenInList('x', user.id, post)),
    accounts: users.map(normalizeUser),
    cursor: users.length === 0 ? null : body.meta?.next_token ?? null,
  }
}
