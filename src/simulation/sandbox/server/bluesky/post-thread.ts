// app.bsky.feed.getPostThread: a post and its replies, `depth` levels below it (6 by default,
// 1000 at most), `parentHeight` levels above it (80 by default); replies oldest first.
import { json, type SandboxResponse } from '../http-types.ts'
import type { SandboxView } from '../sandbox-view.ts'
import { postByUri, postView } from './views.ts'
import { invalidRequest, requiredParam, XrpcError } from './xrpc-params.ts'
import { PostKind } from '../../types.ts'

function boundedInt(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = query.get(name)
  if (raw === null) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0 || value > max) throw invalidRequest(`${name} must be an integer between 0 and ${max}`)
  return value
}

export function getPostThread(view: SandboxView, query: URLSearchParams): SandboxResponse {
  const uri = requiredParam(query, 'uri')
  const depth = boundedInt(query, 'depth', 6, 1000)
  const parentHeight = boundedInt(query, 'parentHeight', 80, 1000)
  const post = postByUri(view, uri)
  if (post === null) throw new XrpcError(400, 'NotFound', `Post not found: ${uri}`)
  const { accounts, posts } = view.data
  const node = (p: number, level: number): Record<string, unknown> => ({
    $type: 'app.bsky.feed.defs#threadViewPost',
    post: postView(view, p),
    ...(level < depth && {
      replies: view.repliesOf(p).filter((reply) => accounts[posts.author[reply]].network === 'bluesky').map((reply) => node(reply, level + 1)),
    }),
  })
  const thread = node(post, 0)
  let at = thread
  let current = post
  for (let up = 0; up < parentHeight && posts.kind[current] === PostKind.reply; up++) {
    current = posts.parent[current]
    const parent = { $type: 'app.bsky.feed.defs#threadViewPost', post: postView(view, current) }
    at.parent = parent
    at = parent
  }
  return json({ thread })
}
