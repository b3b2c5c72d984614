// Who boosted a status: `GET /api/v1/statuses/:id/reblogged_by`, 40 accounts by default and 80 at
// most a page, paged only by the `Link: rel="next"` URL (sent when the page is full). The id is
// the instance's own (./status-local-id.ts).
import type { ConversationPost, PostsPage } from '../connector.ts'
import type { HttpClient } from '../http.ts'
import { repostSeenInList } from '../repost-post.ts'
import { linkWithRel } from './link-header.ts'
import { pathOf } from './mention-pages.ts'
import { normalizeMastodonAccount } from './normalize-account.ts'
import { mastodonAccountListSchema } from './schemas.ts'
import { localStatusId, type StatusReadDeps } from './status-local-id.ts'

export const REBLOGGED_BY_LIMIT = 80

export async function mastodonRepostsPage(deps: StatusReadDeps, post: ConversationPost, cursor: string | null, signal?: AbortSignal): Promise<PostsPage> {
  let path = cursor
  let extraRequests = 0
  if (path === null) {
    const local = await localStatusId(deps, post, signal)
    extraRequests = local.requests
    const id = local.id
    if (id === null) return { posts: [], accounts: [], cursor: null, extraRequests, skippedRead: true }
    path = `/api/v1/statuses/${encodeURIComponent(id)}/reblogged_by?limit=${REBLOGGED_BY_LIMIT}`
  }
  const response = await deps.http.getJson(path, {}, mastodonAccountListSchema, { signal })
  const accounts = response.body.map((account) => normalizeMastodonAccount(account, deps.localDomain))
  const next = accounts.length === 0 ? null : linkWithRel(response.headers.get('link'), 'next')
  return {
    posts: accounts.map((account) => repostSeenInList('mastodon', account.externalId, post)),
    accounts,
    cursor: next === null ? null : pathOf(next, deps.baseUrl),
    extraRequests,
  }
}
