// app.bsky.feed.getAuthorFeed and app.bsky.feed.getPosts.
import { PostKind } from '../../types.ts'
import { json, type SandboxResponse } from '../http-types.ts'
import type { SandboxView } from '../sandbox-view.ts'
import { feedViewPost, postByUri, postView } from './views.ts'
import { blueskyActor, decodeCursor, encodeCursor, invalidRequest, requiredParam, xrpcLimit } from './xrpc-params.ts'

const FILTERS = ['posts_with_replies', 'posts_no_replies', 'posts_with_media', 'posts_and_author_threads', 'posts_with_video']

export function getAuthorFeed(view: SandboxView, query: URLSearchParams): SandboxResponse {
  const account = blueskyActor(view, requiredParam(query, 'actor'))
  if (account === null) throw invalidRequest('Profile not found')
  const limit = xrpcLimit(query, 50, 100)
  const filter = query.get('filter') ?? 'posts_with_replies'
  if (!FILTERS.includes(filter)) throw invalidRequest(`filter must be one of ${FILTERS.join(', ')}`)
  const before = decodeCursor(query)
  const { posts } = view.data
  const accept = (post: number): boolean => {
    const kind = posts.kind[post]
    if (filter === 'posts_with_media' || filter === 'posts_with_video') return false
    if (filter === 'posts_no_replies') return kind !== PostKind.reply
    if (filter === 'posts_and_author_threads') return kind !== PostKind.reply || posts.author[posts.parent[post]] === account
    return true
  }
  const mine = view.authorPosts(account)
  const items: number[] = []
  let k = mine.length - 1
  while (k >= 0 && before !== null && mine[k] >= before) k--
  for (; k >= 0 && items.length < limit; k--) if (accept(mine[k])) items.push(mine[k])
  const more = items.length === limit && k >= 0
  return json({
    ...(more ? { cursor: encodeCursor(items[items.length - 1]) } : {}),
    feed: items.map((post) => feedViewPost(view, post)),
  })
}

export function getPosts(view: SandboxView, query: URLSearchParams): SandboxResponse {
  const uris = query.getAll('uris')
  if (uris.length === 0) throw invalidRequest('Params must have the property "uris"')
  if (uris.length > 25) throw invalidRequest('uris must not have more than 25 elements')
  const found = uris.map((uri) => postByUri(view, uri)).filter((post): post is number => post !== null)
  return json({ posts: found.map((post) => postView(view, post)) })
}
