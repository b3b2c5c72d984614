// Account endpoints: lookup, get, followers and following (cursor = follow relationship id).
import { followRelationshipId, parseFollowRelationshipId, parseMastodonAccountId } from '../../ids.ts'
import { json, limitParam, type SandboxRequest, type SandboxResponse } from '../http-types.ts'
import { upperBound, type SandboxView } from '../sandbox-view.ts'
import { accountJson } from './entities.ts'
import { carriedParams, linkHeader } from './paging.ts'

export const RECORD_NOT_FOUND: SandboxResponse = json({ error: 'Record not found' }, 404)

/** The Mastodon account an instance-local id points to, or null. */
export function accountById(view: SandboxView, instance: number, id: string): number | null {
  const index = parseMastodonAccountId(id, instance)
  if (index === null || index >= view.data.accounts.length) return null
  return view.data.accounts[index].network === 'mastodon' ? index : null
}

export function lookupAccount(view: SandboxView, request: SandboxRequest, instance: number): SandboxResponse {
  const acct = (request.query.get('acct') ?? '').replace(/^@/, '').toLowerCase()
  if (!acct) return json({ error: 'param is missing or the value is empty: acct' }, 400)
  const domain = view.data.instances[instance]
  const account = view.findAccount(acct.includes('@') ? acct : `${acct}@${domain}`)
  if (account === null || view.data.accounts[account].network !== 'mastodon') return RECORD_NOT_FOUND
  return json(accountJson(view, account, instance))
}

export function getAccount(view: SandboxView, instance: number, id: string): SandboxResponse {
  const account = accountById(view, instance, id)
  return account === null ? RECORD_NOT_FOUND : json(accountJson(view, account, instance))
}

/**
 * Followers or following, newest follow first. An instance only stores the follows that
 * involve one of its own users, so a remote account's lists are partial there.
 */
export function followList(view: SandboxView, request: SandboxRequest, instance: number, account: number, direction: 'followers' | 'following'): SandboxResponse {
  const { query } = request
  const { follows } = view.data
  const limit = limitParam(query, 40, 80)
  if (view.data.accounts[account].hideCollections) return json([])
  const adjacency = direction === 'followers' ? follows.in : follows.out
  const other = direction === 'followers' ? follows.follower : follows.followee
  const edges = adjacency.edges
  const start = adjacency.offsets[account]
  const end = adjacency.offsets[account + 1]
  const maxEdge = parseFollowRelationshipId(query.get('max_id') ?? '')
  const sinceEdge = parseFollowRelationshipId(query.get('since_id') ?? query.get('min_id') ?? '')
  const from = sinceEdge === null ? start : upperBound(edges, sinceEdge, start, end)
  const to = maxEdge === null ? end : upperBound(edges, maxEdge - 1, start, end)
  const localAccount = view.isLocal(instance, account)
  const page: number[] = []
  const oldestFirst = query.has('min_id')
  const take = (k: number): void => {
    const edge = edges[k]
    if (localAccount || view.isLocal(instance, other[edge])) page.push(edge)
  }
  if (oldestFirst) {
    for (let k = from; k < to && page.length < limit; k++) take(k)
    page.reverse()
  } else {
    for (let k = to - 1; k >= from && page.length < limit; k--) take(k)
  }
  if (page.length === 0) return json([])
  const body = page.map((edge) => accountJson(view, other[edge], instance))
  const pageUrl = `${request.baseUrl}${request.path}`
  const newest = followRelationshipId(page[0])
  const oldest = followRelationshipId(page[page.length - 1])
  // next only when the page is full; prev whenever the page has items.
  const link = linkHeader(pageUrl, carriedParams(query, ['limit']), newest, oldest, 'max_id', 'since_id')
  return json(body, 200, { Link: page.length === limit ? link : link.replace(/^<[^>]*>; rel="next", /, '') })
}
