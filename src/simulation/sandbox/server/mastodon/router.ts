// Routes `/mastodon/<domain>/api/...` requests to one sandbox instance.
import { json, type SandboxRequest, type SandboxResponse } from '../http-types.ts'
import type { SandboxView } from '../sandbox-view.ts'
import { accountById, followList, getAccount, lookupAccount, RECORD_NOT_FOUND } from './accounts.ts'
import { instanceV1, instanceV2 } from './instance.ts'
import { search } from './search.ts'
import { getStatus, getStatuses } from './statuses.ts'
import { rebloggedBy } from './reblogged-by.ts'
import { statusContext } from './status-context.ts'
import { accountStatuses, tagTimeline } from './timelines.ts'

export function routeMastodon(view: SandboxView, instance: number, request: SandboxRequest): SandboxResponse {
  if (request.method !== 'GET') return json({ error: 'This action is not allowed' }, 403)
  const path = request.path.replace(/\/+$/, '')
  if (path === '/api/v1/instance') return instanceV1(view, instance)
  if (path === '/api/v2/instance') return instanceV2(view, instance)
  if (path === '/api/v2/search') return search(view, request, instance)
  if (path === '/api/v1/accounts/lookup') return lookupAccount(view, request, instance)
  if (path === '/api/v1/statuses') return getStatuses(view, request, instance)
  const status = /^\/api\/v1\/statuses\/(\d+)$/.exec(path)
  if (status) return getStatus(view, instance, status[1])
  const context = /^\/api\/v1\/statuses\/(\d+)\/context$/.exec(path)
  if (context) return statusContext(view, instance, context[1])
  const reblogs = /^\/api\/v1\/statuses\/(\d+)\/reblogged_by$/.exec(path)
  if (reblogs) return rebloggedBy(view, request, instance, reblogs[1])
  const tag = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(path)
  if (tag) return tagTimeline(view, request, instance, decodeURIComponent(tag[1]))
  const account = /^\/api\/v1\/accounts\/(\d+)(?:\/(statuses|followers|following))?$/.exec(path)
  if (account) {
    if (!account[2]) return getAccount(view, instance, account[1])
    const index = accountById(view, instance, account[1])
    if (index === null) return RECORD_NOT_FOUND
    if (account[2] === 'statuses') return accountStatuses(view, request, instance, index)
    return followList(view, request, instance, index, account[2] as 'followers' | 'following')
  }
  return RECORD_NOT_FOUND
}
