// Graph and profile queries: getFollowers, getFollows, getProfile(s), resolveHandle.
import { encodeTid, decodeTidMs } from '../../ids.ts'
import { json, type SandboxResponse } from '../http-types.ts'
import { upperBound, type SandboxView } from '../sandbox-view.ts'
import { BLUESKY_SANDBOX_IDENTIFIER } from './session.ts'
import { profileView, profileViewDetailed } from './views.ts'
import { blueskyActor, invalidRequest, requiredParam, XrpcError, xrpcLimit } from './xrpc-params.ts'

/** Followers or follows, newest first; the cursor is a TID-looking encoding of the follow. */
export function followGraph(view: SandboxView, query: URLSearchParams, direction: 'followers' | 'follows'): SandboxResponse {
  const actor = requiredParam(query, 'actor')
  const account = blueskyActor(view, actor)
  if (account === null) throw invalidRequest(`Actor not found: ${actor}`)
  const limit = xrpcLimit(query, 50, 100)
  const cursor = query.get('cursor')
  const before = cursor ? decodeTidMs(cursor) : null
  if (cursor && before === null) throw invalidRequest('Malformed cursor')
  const { follows } = view.data
  const adjacency = direction === 'followers' ? follows.in : follows.out
  const other = direction === 'followers' ? follows.follower : follows.followee
  const start = adjacency.offsets[account]
  const end = before === null ? adjacency.offsets[account + 1] : upperBound(adjacency.edges, before - 1, start, adjacency.offsets[account + 1])
  const pageStart = Math.max(start, end - limit)
  const edges = Array.from(adjacency.edges.subarray(pageStart, end)).reverse()
  return json({
    subject: profileView(view, account),
    ...(pageStart > start ? { cursor: encodeTid(edges[edges.length - 1], 0) } : {}),
    [direction]: edges.map((edge) => profileView(view, other[edge])),
  })
}

export function getProfile(view: SandboxView, query: URLSearchParams): SandboxResponse {
  const account = blueskyActor(view, requiredParam(query, 'actor'))
  if (account === null) throw invalidRequest('Profile not found')
  return json(profileViewDetailed(view, account))
}

export function getProfiles(view: SandboxView, query: URLSearchParams): SandboxResponse {
  const actors = query.getAll('actors')
  if (actors.length === 0) throw invalidRequest('Params must have the property "actors"')
  if (actors.length > 25) throw invalidRequest('actors must not have more than 25 elements')
  const found = actors.map((actor) => blueskyActor(view, actor)).filter((a): a is number => a !== null)
  return json({ profiles: found.map((account) => profileViewDetailed(view, account)) })
}

export function resolveHandle(view: SandboxView, query: URLSearchParams, sessionDid: string): SandboxResponse {
  const handle = requiredParam(query, 'handle').toLowerCase()
  if (handle === BLUESKY_SANDBOX_IDENTIFIER) return json({ did: sessionDid })
  const account = blueskyActor(view, handle)
  if (account === null || handle.startsWith('did:')) throw new XrpcError(400, 'HandleNotFound', 'Unable to resolve handle')
  return json({ did: view.data.accounts[account].did })
}
