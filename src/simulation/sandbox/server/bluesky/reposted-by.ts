// app.bsky.feed.getRepostedBy: the Bluesky accounts that reposted a post, newest repost first,
// 50 by default and 100 at most a page, with an opaque cursor absent at the end.
import { json, type SandboxResponse } from '../http-types.ts'
import type { SandboxView } from '../sandbox-view.ts'
import { postByUri, profileView } from './views.ts'
import { decodeCursor, encodeCursor, requiredParam, xrpcLimit } from './xrpc-params.ts'

export function getRepostedBy(view: SandboxView, query: URLSearchParams): SandboxResponse {
  const uri = requiredParam(query, 'uri')
  const limit = xrpcLimit(query, 50, 100)
  const before = decodeCursor(query)
  const post = postByUri(view, uri)
  const { accounts, posts } = view.data
  const reposts = post === null ? [] : view.repostsOf(post).filter((repost) => accounts[posts.author[repost]].network === 'bluesky')
  let k = reposts.length - 1
  while (k >= 0 && before !== null && reposts[k] >= before) k--
  const page = reposts.slice(Math.max(0, k + 1 - limit), k + 1).reverse()
  const more = k + 1 - limit > 0
  return json({
    uri,
    ...(more ? { cursor: encodeCursor(page[page.length - 1]) } : {}),
    repostedBy: page.map((repost) => profileView(view, posts.author[repost])),
  })
}
