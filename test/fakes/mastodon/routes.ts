// The Mastodon REST endpoints the connector uses, answering from the fake's state.
import { idPageParams, linkHeader, paginateById } from './paginate.ts'
import { renderAccount, renderText, statusUri, type RenderContext } from './render.ts'
import { renderStatus, searchableText } from './render-status.ts'
import type { FakeMastodonStatus } from './seed.ts'
import { mentionNotifications, verifyCredentials } from './notifications.ts'

export interface RouteRequest extends RenderContext {
  path: string
  query: URLSearchParams
  authenticated: boolean
  /** The local account whose token the request carries (`tokenOwners` in the seed), if any. */
  tokenOwner: string | null
}

export interface RouteReply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

const notFound: RouteReply = { status: 404, body: { error: 'Record not found' } }
const STATUSES_DEFAULT_LIMIT = 20
const ACCOUNTS_DEFAULT_LIMIT = 40

const tagCache = new WeakMap<FakeMastodonStatus, { text: string; tags: string[] }>()

function statusTags(status: FakeMastodonStatus, context: RenderContext): string[] {
  if (status.html !== undefined || status.reblogOfId !== undefined) return status.tags ?? []
  const text = status.text ?? ''
  const cached = tagCache.get(status)
  if (cached?.text === text) return cached.tags
  const { tags } = renderText(text, context)
  tagCache.set(status, { text, tags })
  return tags
}

function statusList(request: RouteRequest, candidates: FakeMastodonStatus[], carried: Record<string, string>): RouteReply {
  const params = idPageParams(request.query, STATUSES_DEFAULT_LIMIT)
  const page = paginateById(request.state.statuses, candidates, params)
  const headers: Record<string, string> = {}
  // No Link header at all on an empty page (timelines/tag_controller.rb).
  if (page.length > 0) {
    headers.Link = linkHeader({
      origin: request.origin,
      path: request.path,
      carried: { ...carried, limit: String(params.limit) },
      firstId: page[0].id,
      lastId: page.at(-1)!.id,
      includeNext: true,
      prevParam: 'min_id',
    })
  }
  return { status: 200, body: page.map((status) => renderStatus(status, request)), headers }
}

function hashtagTimeline(request: RouteRequest, tag: string): RouteReply {
  const wanted = decodeURIComponent(tag).toLowerCase()
  const candidates = request.state.statuses.items.filter(
    (status) =>
      request.state.visible(status) &&
      (status.visibility ?? 'public') === 'public' &&
      status.reblogOfId === undefined &&
      statusTags(status, request).some((name) => name.toLowerCase() === wanted),
  )
  const carried: Record<string, string> = {}
  for (const key of ['local', 'only_media']) {
    const value = request.query.get(key)
    if (value !== null) carried[key] = value
  }
  // An unknown tag is simply an empty list (`200 []`), not a 404.
  return statusList(request, candidates, carried)
}

function search(request: RouteRequest): RouteReply {
  const { query } = request
  const q = query.get('q')
  if (q === null || q.trim() === '') return { status: 400, body: { error: 'param is missing or the value is empty: q' } }
  if (!request.authenticated && query.has('offset')) {
    return { status: 401, body: { error: 'Search queries pagination is not supported without authentication' } }
  }
  if (!request.authenticated && query.get('resolve') === 'true') {
    return { status: 401, body: { error: 'Search queries that resolve remote resources are not supported without authentication' } }
  }
  const type = query.get('type')
  // `resolve` with a status's uri: that status, as the instance knows it (fetched if it were remote).
  if (query.get('resolve') === 'true' && /^https?:\/\//.test(q.trim()) && (type === null || type === 'statuses')) {
    const found = request.state.statuses.items.find((status) => request.state.visible(status) && statusUri(status, request) === q.trim())
    return { status: 200, body: { accounts: [], statuses: found ? [renderStatus(found, request)] : [], hashtags: [] } }
  }
  const terms = q.toLowerCase().split(/\s+/).filter((term) => term.length > 0)
  // Full-text status search needs an authenticated request, and only covers indexable authors.
  const matches =
    request.authenticated && (type === null || type === 'statuses')
      ? request.state.statuses.items.filter((status) => {
          const author = request.state.accounts.get(status.accountId)
          if (!request.state.visible(status) || status.reblogOfId !== undefined || author?.indexable === false) return false
          const text = searchableText(status)
          return terms.every((term) => text.includes(term))
        })
      : []
  const params = { ...idPageParams(query, STATUSES_DEFAULT_LIMIT), sinceId: null }
  const offset = Math.max(0, Number.parseInt(query.get('offset') ?? '0', 10) || 0)
  const ordered = paginateById(request.state.statuses, matches, { ...params, limit: Number.MAX_SAFE_INTEGER })
  const page = ordered.slice(offset, offset + params.limit)
  return { status: 200, body: { accounts: [], statuses: page.map((status) => renderStatus(status, request)), hashtags: [] } }
}

function followList(request: RouteRequest, accountId: string, direction: 'followers' | 'following'): RouteReply {
  const { state } = request
  const account = state.accounts.get(accountId)
  if (account === undefined) return notFound
  if (account.hideCollections) return { status: 200, body: [] }
  const candidates = state.follows.items.filter((follow) =>
    direction === 'followers' ? follow.followeeId === accountId : follow.followerId === accountId,
  )
  const params = idPageParams(request.query, ACCOUNTS_DEFAULT_LIMIT)
  const page = paginateById(state.follows, candidates, params)
  const headers = accountPageHeaders(request, params.limit, page)
  const accounts = page.map((follow) => state.accounts.get(direction === 'followers' ? follow.followerId : follow.followeeId)!)
  return { status: 200, body: accounts.map((item) => renderAccount(item, request)), headers }
}

/**
 * `GET /api/v1/statuses/:id/reblogged_by`: the accounts that boosted a status, newest boost
 * first, `limit` 40 by default, silently capped at 80, paged by the boosts' ids through the Link
 * header only (`next` only when the page is full).
 */
function rebloggedBy(request: RouteRequest, statusId: string): RouteReply {
  const { state } = request
  const status = state.statuses.get(statusId)
  if (status === undefined || !state.visible(status)) return notFound
  const boosts = state.statuses.items.filter((item) => item.reblogOfId === statusId && state.visible(item))
  const params = idPageParams(request.query, ACCOUNTS_DEFAULT_LIMIT)
  const page = paginateById(state.statuses, boosts, params)
  return { status: 200, body: page.map((boost) => renderAccount(state.accounts.get(boost.accountId)!, request)), headers: accountPageHeaders(request, params.limit, page) }
}

/**
 * The Link header of a page of accounts paged by the ids of what lists them (follows, boosts):
 * `next` only when the page is full (follower_accounts_controller.rb), `prev` by `since_id`.
 */
function accountPageHeaders(request: RouteRequest, limit: number, page: readonly { id: string }[]): Record<string, string> {
  if (page.length === 0) return {}
  return {
    Link: linkHeader({
      origin: request.origin,
      path: request.path,
      carried: { limit: String(limit) },
      firstId: page[0].id,
      lastId: page.at(-1)!.id,
      includeNext: page.length === limit,
      prevParam: 'since_id',
    }),
  }
}

/**
 * `GET /api/v1/statuses/:id/context`: its ancestors and its descendants (the replies under it, in
 * thread order). Without a signed-in user Mastodon gives at most 60 descendants, 20 levels deep.
 */
function statusContext(request: RouteRequest, statusId: string): RouteReply {
  const { state } = request
  const status = state.statuses.get(statusId)
  if (status === undefined || !state.visible(status)) return notFound
  const limit = request.authenticated ? 4096 : 60
  const maxDepth = request.authenticated ? Number.MAX_SAFE_INTEGER : 20
  const descendants: FakeMastodonStatus[] = []
  const walk = (parentId: string, depth: number) => {
    for (const reply of state.statuses.items) {
      if (descendants.length >= limit) return
      if (reply.inReplyToId !== parentId || !state.visible(reply) || reply.reblogOfId !== undefined) continue
      descendants.push(reply)
      if (depth + 1 < maxDepth) walk(reply.id, depth + 1)
    }
  }
  walk(statusId, 0)
  const ancestors: FakeMastodonStatus[] = []
  for (let parent = status.inReplyToId; parent !== undefined; ) {
    const above = state.statuses.get(parent)
    if (above === undefined || !state.visible(above)) break
    ancestors.unshift(above)
    parent = above.inReplyToId
  }
  return { status: 200, body: { ancestors: ancestors.map((s) => renderStatus(s, request)), descendants: descendants.map((s) => renderStatus(s, request)) } }
}

/**
 * `GET /api/v2/instance` (4.0+) gives the instance's account domain (LOCAL_DOMAIN) as `domain`;
 * `GET /api/v1/instance` gives it as `uri` (both serializers answer Rails.configuration.x.local_domain).
 */
function instance(request: RouteRequest, version: 1 | 2): RouteReply {
  if (version === 2 && !request.state.instanceV2) return notFound
  const domain = request.state.localDomain ?? new URL(request.origin).host
  const about = { title: 'Fake Mastodon', version: request.state.instanceV2 ? '4.3.0' : '3.5.3', description: 'A fake instance for tests', languages: ['en'] }
  const streaming = `ws://${new URL(request.origin).host}`
  return { status: 200, body: version === 2 ? { domain, ...about, source_url: 'https://github.com/mastodon/mastodon', configuration: { urls: { streaming } } } : { uri: domain, ...about, urls: { streaming_api: streaming } } }
}

export function route(request: RouteRequest): RouteReply {
  const { path, query, state } = request
  let match: RegExpExecArray | null
  if (path === '/api/v2/instance') return instance(request, 2)
  if (path === '/api/v1/instance') return instance(request, 1)
  if ((match = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(path))) return hashtagTimeline(request, match[1])
  if (path === '/api/v2/search') return search(request)
  if (path === '/api/v1/accounts/verify_credentials') return verifyCredentials(request)
  if (path === '/api/v1/notifications') return mentionNotifications(request)
  if (path === '/api/v1/accounts/lookup') {
    const account = state.findByAcct(query.get('acct') ?? '', new URL(request.origin).host)
    return account === undefined ? notFound : { status: 200, body: renderAccount(account, request) }
  }
  if ((match = /^\/api\/v1\/accounts\/([^/]+)$/.exec(path))) {
    const account = state.accounts.get(decodeURIComponent(match[1]))
    return account === undefined ? notFound : { status: 200, body: renderAccount(account, request) }
  }
  if ((match = /^\/api\/v1\/accounts\/([^/]+)\/statuses$/.exec(path))) {
    const accountId = decodeURIComponent(match[1])
    if (!state.accounts.has(accountId)) return notFound
    const candidates = state.statuses.items.filter(
      (status) =>
        status.accountId === accountId &&
        state.visible(status) &&
        !(query.get('exclude_reblogs') === 'true' && status.reblogOfId !== undefined) &&
        !(query.get('exclude_replies') === 'true' && status.inReplyToId !== undefined),
    )
    return statusList(request, candidates, {})
  }
  if ((match = /^\/api\/v1\/accounts\/([^/]+)\/(followers|following)$/.exec(path))) {
    return followList(request, decodeURIComponent(match[1]), match[2] as 'followers' | 'following')
  }
  if ((match = /^\/api\/v1\/statuses\/([^/]+)\/context$/.exec(path))) return statusContext(request, decodeURIComponent(match[1]))
  if ((match = /^\/api\/v1\/statuses\/([^/]+)\/reblogged_by$/.exec(path))) return rebloggedBy(request, decodeURIComponent(match[1]))
  if ((match = /^\/api\/v1\/statuses\/([^/]+)$/.exec(path))) {
    const status = state.statuses.get(decodeURIComponent(match[1]))
    return status === undefined || !state.visible(status) ? notFound : { status: 200, body: renderStatus(status, request) }
  }
  if (path === '/api/v1/statuses' && state.batchStatusLookup) {
    // check_statuses_limit: more than DEFAULT_STATUSES_LIMIT ids is a validation error, not a clamp.
    const ids = [...new Set(query.getAll('id[]'))]
    if (ids.length > STATUSES_DEFAULT_LIMIT) return { status: 422, body: { error: 'Mastodon::ValidationError' } }
    const found = ids.map((id) => state.statuses.get(id)).filter((status) => status !== undefined && state.visible(status))
    return { status: 200, body: found.map((status) => renderStatus(status!, request)) }
  }
  return notFound
}
