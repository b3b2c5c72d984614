// The token owner's own endpoints: `verify_credentials` and mention notifications
// (`GET /api/v1/notifications?types[]=mention`), which only that account's token may read.
// Simplification: the fake numbers a mention notification as the status it carries (a real
// instance gives notifications ids of their own, paged the same way, newest first).
import { idPageParams, linkHeader, paginateById } from './paginate.ts'
import { renderAccount, renderText } from './render.ts'
import { renderStatus } from './render-status.ts'
import type { RouteReply, RouteRequest } from './routes.ts'
import type { FakeMastodonStatus } from './seed.ts'

const NOTIFICATIONS_DEFAULT_LIMIT = 40
const unauthenticated: RouteReply = { status: 401, body: { error: 'This method requires an authenticated user' } }

export function verifyCredentials(request: RouteRequest): RouteReply {
  const owner = request.tokenOwner === null ? undefined : request.state.accounts.get(request.tokenOwner)
  return owner === undefined ? unauthenticated : { status: 200, body: renderAccount(owner, request) }
}

function mentions(status: FakeMastodonStatus, ownerId: string, request: RouteRequest): boolean {
  if (status.mentionIds?.includes(ownerId)) return true
  return status.text !== undefined && renderText(status.text, request).mentions.some((account) => account.id === ownerId)
}

export function mentionNotifications(request: RouteRequest): RouteReply {
  const ownerId = request.tokenOwner
  if (ownerId === null) return unauthenticated
  const types = request.query.getAll('types[]')
  const { state } = request
  const candidates = types.length > 0 && !types.includes('mention')
    ? []
    : state.statuses.items.filter((status) => state.visible(status) && status.reblogOfId === undefined && status.accountId !== ownerId && mentions(status, ownerId, request))
  const params = idPageParams(request.query, NOTIFICATIONS_DEFAULT_LIMIT)
  const page = paginateById(state.statuses, candidates, params)
  const headers: Record<string, string> = {}
  if (page.length > 0) {
    const carried: Record<string, string> = { limit: String(params.limit) }
    headers.Link = linkHeader({ origin: request.origin, path: request.path, carried, firstId: page[0].id, lastId: page.at(-1)!.id, includeNext: true, prevParam: 'min_id' })
  }
  const body = page.map((status) => ({
    id: status.id,
    type: 'mention',
    created_at: status.createdAt,
    account: renderAccount(state.accounts.get(status.accountId)!, request),
    status: renderStatus(status, request),
  }))
  return { status: 200, body, headers }
}
