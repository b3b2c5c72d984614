// GET /api/v1/timelines/tag/:hashtag and GET /api/v1/accounts/:id/statuses.
import { mastodonStatusId } from '../../ids.ts'
import { PostKind } from '../../types.ts'
import { flagParam, json, limitParam, type SandboxRequest, type SandboxResponse } from '../http-types.ts'
import type { SandboxView } from '../sandbox-view.ts'
import { statusJson } from './entities.ts'
import { carriedParams, indexWindow, linkHeader, pageOfList } from './paging.ts'

const STATUS_LIMIT = { fallback: 20, max: 40 }

function statusPage(view: SandboxView, request: SandboxRequest, instance: number, page: number[], carried: URLSearchParams): SandboxResponse {
  if (page.length === 0) return json([])
  const newest = mastodonStatusId(view.data.posts.createdAt[page[0]], instance)
  const oldest = mastodonStatusId(view.data.posts.createdAt[page[page.length - 1]], instance)
  return json(
    page.map((post) => statusJson(view, post, instance)),
    200,
    { Link: linkHeader(`${request.baseUrl}${request.path}`, carried, newest, oldest) },
  )
}

function tagSet(view: SandboxView, names: string[]): Set<number> {
  const wanted = new Set(names.map((n) => n.toLowerCase()))
  return new Set(view.data.hashtags.flatMap((tag, n) => (wanted.has(tag.toLowerCase()) ? [n] : [])))
}

export function tagTimeline(view: SandboxView, request: SandboxRequest, instance: number, tag: string): SandboxResponse {
  const { query } = request
  const posts = view.data.posts
  const limit = limitParam(query, STATUS_LIMIT.fallback, STATUS_LIMIT.max)
  const local = flagParam(query, 'local')
  const remote = flagParam(query, 'remote')
  if (flagParam(query, 'only_media')) return json([])
  const all = tagSet(view, query.getAll('all[]'))
  const none = tagSet(view, query.getAll('none[]'))
  const anyTags = query.getAll('any[]')
  // any[] widens the timeline to other tags: merge their lists.
  const lists = [tag, ...anyTags].map((t) => view.tagPosts(instance, t))
  const list = lists.length === 1 ? lists[0] : Int32Array.from(new Set(lists.flatMap((l) => [...l]))).sort()
  const hasTag = (post: number, set: Set<number>): boolean => set.has(posts.tag0[post]) || set.has(posts.tag1[post])
  const accept = (post: number): boolean => {
    if (!view.delivered(instance, post)) return false
    const isLocal = view.isLocal(instance, posts.author[post])
    if ((local && !isLocal) || (remote && isLocal)) return false
    if (all.size > 0 && ![...all].every((t) => posts.tag0[post] === t || posts.tag1[post] === t)) return false
    return !(none.size > 0 && hasTag(post, none))
  }
  const page = pageOfList(list, indexWindow(view, query, instance), limit, accept)
  return statusPage(view, request, instance, page, carriedParams(query, ['local', 'limit', 'only_media']))
}

export function accountStatuses(view: SandboxView, request: SandboxRequest, instance: number, account: number): SandboxResponse {
  const { query } = request
  const posts = view.data.posts
  const limit = limitParam(query, STATUS_LIMIT.fallback, STATUS_LIMIT.max)
  if (flagParam(query, 'pinned') || flagParam(query, 'only_media')) return json([])
  if (!view.knowsAuthor(instance, account)) return json([])
  const excludeReplies = flagParam(query, 'exclude_replies')
  const excludeReblogs = flagParam(query, 'exclude_reblogs')
  const tagged = query.get('tagged')
  const taggedSet = tagged ? tagSet(view, [tagged]) : null
  const accept = (post: number): boolean => {
    if (!view.delivered(instance, post)) return false
    const kind = posts.kind[post]
    if (excludeReplies && kind === PostKind.reply) return false
    if (excludeReblogs && kind === PostKind.repost) return false
    if (taggedSet) {
      const source = kind === PostKind.repost ? posts.parent[post] : post
      if (!taggedSet.has(posts.tag0[source]) && !taggedSet.has(posts.tag1[source])) return false
    }
    return true
  }
  const page = pageOfList(view.authorPosts(account), indexWindow(view, query, instance), limit, accept)
  const carried = carriedParams(query, ['limit', 'only_media', 'exclude_replies', 'exclude_reblogs', 'tagged'])
  return statusPage(view, request, instance, page, carried)
}
