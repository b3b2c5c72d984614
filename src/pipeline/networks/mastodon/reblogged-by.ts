// Who boosted a status: `GET /api/v1/statuses/:id/reblogged_by`, 40 accounts by default and 80 at
// most a page, paged only by the `Link: rel="next"` URL (sent when the page is full). The id is
// the instance's own: a status collected in this run is known to the connector; one posted on
// the instance itself carries its id in its uri; any other is looked up through search with
// `resolve` (a token is needed; without one the reposters of such a status are not read).
import type { PostsPage } from '../connector.ts'
import type { HttpClient } from '../http.ts'
import { repostSeenInList } from '../repost-post.ts'
import type { MastodonIdIndex } from './id-index.ts'
import { linkWithRel } from './link-header.ts'
import { pathOf } from './mention-pages.ts'
import { normalizeMastodonAccount } from './normalize-account.ts'
import { mastodonAccountListSchema, mastodonSearchSchema } from './schemas.ts'

export const REBLOGGED_BY_LIMIT = 80

export interface RebloggedByDeps {
  http: HttpClient
  baseUrl: string
  localDomain: string
  index: MastodonIdIndex
  hasToken: boolean
  now: () => number
}

async function localStatusId(deps: RebloggedByDeps, uri: string, signal?: AbortSignal): Promise<string | null> {
  const known = deps.index.statusId(uri)
  if (known !== null) return known
  const own = /^https:\/\/([^/]+)\/users\/[^/]+\/statuses\/(\d+)$/.exec(uri)
  if (own && own[1].toLowerCase() === deps.localDomain) return own[2]
  if (!deps.hasToken) return null
  const { body } = await deps.http.getJson('/api/v2/search', { q: uri, type: 'statuses', resolve: true, limit: 1 }, mastodonSearchSchema, { signal })
  const found = body.statuses.find((status) => status.uri === uri)
  return found?.id ?? null
}

export async function mastodonRepostsPage(deps: RebloggedByDeps, uri: string, cursor: string | null, signal?: AbortSignal): Promise<PostsPage> {
  let path = cursor
  if (path === null) {
    const id = await localStatusId(deps, uri, signal)
    if (id === null) return { posts: [], accounts: [], cursor: null }
    path = `/api/v1/statuses/${encodeURIComponent(id)}/reblogged_by?limit=${REBLOGGED_BY_LIMIT}`
  }
  const response = await deps.http.getJson(path, {}, mastodonAccountListSchema, { signal })
  const accounts = response.body.map((account) => normalizeMastodonAccount(account, deps.localDomain))
  const seenAt = new Date(deps.now())
  const next = accounts.length === 0 ? null : linkWithRel(response.headers.get('link'), 'next')
  return {
    posts: accounts.map((account) => repostSeenInList('mastodon', account.externalId, uri, seenAt)),
    accounts,
    cursor: next === null ? null : pathOf(next, deps.baseUrl),
  }
}
