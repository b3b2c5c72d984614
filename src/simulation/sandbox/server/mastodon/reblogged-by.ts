// GET /api/v1/statuses/:id/reblogged_by: the accounts that boosted a status, as far as this
// instance knows them, newest boost first; `limit` 40 by default, silently capped at 80; paged by
// the Link header only (its ids are the boosts' own, which the body never shows), `next` only
// when the page is full.
import { mastodonStatusId, parseSnowflake, statusIdValue } from '../../ids.ts'
import { json, limitParam, type SandboxRequest, type SandboxResponse } from '../http-types.ts'
import type { SandboxView } from '../sandbox-view.ts'
import { RECORD_NOT_FOUND } from './accounts.ts'
import { accountJson } from './entities.ts'
import { carriedParams, linkHeader } from './paging.ts'
import { statusById } from './statuses.ts'

export function rebloggedBy(view: SandboxView, request: SandboxRequest, instance: number, id: string): SandboxResponse {
  const post = statusById(view, instance, id)
  if (post === null) return RECORD_NOT_FOUND
  const { query } = request
  const limit = limitParam(query, 40, 80)
  const { accounts, posts } = view.data
  const maxId = parseSnowflake(query.get('max_id') ?? '')
  const boosts = view.repostsOf(post).filter((repost) => {
    const by = posts.author[repost]
    return accounts[by].network === 'mastodon' && view.delivered(instance, repost) && (maxId === null || statusIdValue(posts.createdAt[repost], instance) < maxId)
  })
  const page = boosts.slice(-limit).reverse()
  if (page.length === 0) return json([])
  const idOf = (repost: number) => mastodonStatusId(posts.createdAt[repost], instance)
  const link = linkHeader(`${request.baseUrl}${request.path}`, carriedParams(query, ['limit']), idOf(page[0]), idOf(page[page.length - 1]), 'max_id', 'since_id')
  return json(page.map((repost) => accountJson(view, posts.author[repost], instance)), 200, { Link: page.length === limit ? link : link.replace(/^<[^>]*>; rel="next", /, '') })
}
