// Mastodon id-based pagination: max_id (older than), since_id (newer than, newest first),
// min_id (immediately newer than, still returned newest first), and the Link header.
import { parseSnowflake, statusIdValue } from '../../ids.ts'
import { upperBound, type SandboxView } from '../sandbox-view.ts'

export interface IndexWindow {
  /** Post indexes in [from, to) are candidates. */
  from: number
  to: number
  /** min_id: take the oldest of the window first. */
  oldestFirst: boolean
}

/** Number of posts whose id on this instance is ≤ id (ids grow with post index). */
function countIdsAtMost(view: SandboxView, id: bigint, instance: number): number {
  const createdAt = view.data.posts.createdAt
  let lo = 0
  let hi = view.data.posts.count
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (statusIdValue(createdAt[mid], instance) <= id) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function indexWindow(view: SandboxView, query: URLSearchParams, instance: number): IndexWindow {
  let from = 0
  let to = view.visibleCount
  const maxId = parseSnowflake(query.get('max_id') ?? '')
  const sinceId = parseSnowflake(query.get('since_id') ?? '')
  const minId = parseSnowflake(query.get('min_id') ?? '')
  if (maxId !== null) to = Math.min(to, countIdsAtMost(view, maxId - 1n, instance))
  if (sinceId !== null) from = Math.max(from, countIdsAtMost(view, sinceId, instance))
  if (minId !== null) from = Math.max(from, countIdsAtMost(view, minId, instance))
  return { from, to, oldestFirst: minId !== null }
}

/** Up to `limit` accepted post indexes of an ascending list inside the window, newest first. */
export function pageOfList(list: ArrayLike<number>, window: IndexWindow, limit: number, accept: (post: number) => boolean): number[] {
  const start = upperBound(list, window.from - 1)
  const end = upperBound(list, window.to - 1)
  const page: number[] = []
  if (window.oldestFirst) {
    for (let k = start; k < end && page.length < limit; k++) if (accept(list[k])) page.push(list[k])
    return page.reverse()
  }
  for (let k = end - 1; k >= start && page.length < limit; k--) if (accept(list[k])) page.push(list[k])
  return page
}

/** `Link` with next (older) and prev (newer) pages; omitted when the page is empty. */
export function linkHeader(pageUrl: string, carried: URLSearchParams, newestId: string, oldestId: string, nextKey = 'max_id', prevKey = 'min_id'): string {
  const url = (key: string, id: string): string => {
    const params = new URLSearchParams(carried)
    params.set(key, id)
    return `${pageUrl}?${params.toString()}`
  }
  return `<${url(nextKey, oldestId)}>; rel="next", <${url(prevKey, newestId)}>; rel="prev"`
}

/** Only these parameters survive into Link URLs, as in Mastodon's controllers. */
export function carriedParams(query: URLSearchParams, names: string[]): URLSearchParams {
  const carried = new URLSearchParams()
  for (const name of names) {
    const value = query.get(name)
    if (value !== null) carried.set(name, value)
  }
  return carried
}
