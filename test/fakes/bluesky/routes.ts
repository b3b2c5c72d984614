// The XRPC methods the connector uses, answering from the fake's state with the AppView's rules:
// limits validated (1..100, 25 actors), cursors opaque, taken-down actors filtered after the page
// is cut (short or empty pages that still carry a cursor).
import { keysetPage } from './keyset.ts'
import { mentionedDids, postTags, postView, profileDetailed, profileView, sortAtMs } from './render.ts'
import { postUri, repostUri, type FakeBlueskyPost, type FakeBlueskyRepost } from './seed.ts'
import type { FakeBlueskyState } from './state.ts'

export interface XrpcReply {
  status: number
  body: unknown
}

export const xrpcError = (status: number, error: string, message: string): XrpcReply => ({ status, body: { error, message } })

function limitParam(query: URLSearchParams, defaultLimit: number, max: number): number | XrpcReply {
  const raw = query.get('limit')
  if (raw === null) return defaultLimit
  const limit = Number(raw)
  if (!Number.isInteger(limit)) return xrpcError(400, 'InvalidRequest', 'limit must be an integer')
  if (limit < 1) return xrpcError(400, 'InvalidRequest', 'limit can not be less than 1')
  if (limit > max) return xrpcError(400, 'InvalidRequest', `limit can not be greater than ${max}`)
  return limit
}

function visible(state: FakeBlueskyState, did: string): boolean {
  return state.actors.get(did)?.takenDown !== true
}

function searchPosts(state: FakeBlueskyState, query: URLSearchParams): XrpcReply {
  const q = query.get('q')
  if (q === null || q.trim() === '') return xrpcError(400, 'InvalidRequest', 'Params must have the property "q"')
  const limit = limitParam(query, 25, 100)
  if (typeof limit !== 'number') return limit
  // `*` matches every post (used with a filter such as `mentions` alone).
  const terms = q.toLowerCase().split(/\s+/).filter((term) => term.length > 0 && term !== '*')
  const mentioned = mentionsFilter(state, query.get('mentions'))
  const lang = query.get('lang')
  const tags = query.getAll('tag').map((tag) => tag.toLowerCase())
  const since = query.get('since') === null ? null : Date.parse(query.get('since')!)
  const until = query.get('until') === null ? null : Date.parse(query.get('until')!)
  const matches = [...state.posts.values()].filter((post) => {
    if (post.deleted) return false
    const postTagList = postTags(post, state)
    const text = post.text.toLowerCase()
    return (
      terms.every((term) => (term.startsWith('#') ? postTagList.includes(term.slice(1)) : text.includes(term))) &&
      (lang === null || (post.langs ?? []).includes(lang)) &&
      (mentioned === null || mentionedDids(post, state).includes(mentioned)) &&
      tags.every((tag) => postTagList.includes(tag)) &&
      (since === null || sortAtMs(post) >= since) &&
      (until === null || sortAtMs(post) < until)
    )
  })
  const { page, cursor } = keysetPage(matches, (post) => ({ ms: sortAtMs(post), id: postUri(post.authorDid, post.rkey) }), query.get('cursor'), limit)
  const posts = page.filter((post) => visible(state, post.authorDid)).map((post) => postView(post, state))
  return { status: 200, body: { ...(cursor ? { cursor } : {}), hitsTotal: matches.length, posts } }
}

/** `mentions`: a handle is resolved to its DID before the query runs; an unknown one matches nothing. */
function mentionsFilter(state: FakeBlueskyState, value: string | null): string | null {
  if (value === null) return null
  return state.actor(value)?.did ?? 'did:unresolved'
}

type FeedItem = { post: FakeBlueskyPost; repost?: FakeBlueskyRepost }

function authorFeed(state: FakeBlueskyState, query: URLSearchParams): XrpcReply {
  const actor = state.actor(query.get('actor') ?? '')
  if (actor === undefined) return xrpcError(400, 'InvalidRequest', 'Profile not found')
  const limit = limitParam(query, 50, 100)
  if (typeof limit !== 'number') return limit
  const noReplies = query.get('filter') === 'posts_no_replies'
  const items: FeedItem[] = [
    ...[...state.posts.values()]
      .filter((post) => post.authorDid === actor.did && !post.deleted && !(noReplies && post.replyTo))
      .map((post) => ({ post })),
    ...state.reposts
      .filter((repost) => repost.byDid === actor.did)
      .map((repost) => ({ post: state.posts.get(repost.subjectUri)!, repost }))
      .filter(({ post }) => post !== undefined && !post.deleted),
  ]
  const key = (item: FeedItem) =>
    item.repost
      ? { ms: Date.parse(item.repost.indexedAt), id: repostUri(actor.did, item.repost.rkey) }
      : { ms: sortAtMs(item.post), id: postUri(item.post.authorDid, item.post.rkey) }
  const { page, cursor } = keysetPage(items, key, query.get('cursor'), limit)
  const feed = page
    .filter((item) => visible(state, item.post.authorDid))
    .map((item) => {
      const entry: Record<string, unknown> = { post: postView(item.post, state) }
      const parentUri = item.post.replyTo?.parent
      if (parentUri) {
        const parent = state.posts.get(parentUri)
        const parentView =
          parent === undefined || parent.deleted
            ? { $type: 'app.bsky.feed.defs#notFoundPost', uri: parentUri, notFound: true }
            : { $type: 'app.bsky.feed.defs#postView', ...postView(parent, state) }
        entry.reply = { root: parentView, parent: parentView }
      }
      if (item.repost) {
        entry.reason = {
          $type: 'app.bsky.feed.defs#reasonRepost',
          by: profileView(state.actors.get(item.repost.byDid)!),
          ...(item.repost.omitUri ? {} : { uri: repostUri(item.repost.byDid, item.repost.rkey), cid: 'bafyreirepost' }),
          indexedAt: item.repost.indexedAt,
        }
      }
      return entry
    })
  return { status: 200, body: { ...(cursor ? { cursor } : {}), feed } }
}

function followList(state: FakeBlueskyState, query: URLSearchParams, direction: 'followers' | 'follows'): XrpcReply {
  const subject = state.actor(query.get('actor') ?? '')
  if (subject === undefined) return xrpcError(400, 'InvalidRequest', `Actor not found: ${query.get('actor') ?? ''}`)
  const limit = limitParam(query, 50, 100)
  if (typeof limit !== 'number') return limit
  const edges = state.follows
    .map((follow, position) => ({ follow, position }))
    .filter(({ follow }) => (direction === 'followers' ? follow.followeeDid : follow.followerDid) === subject.did)
  const { page, cursor } = keysetPage(edges, ({ position }) => ({ ms: position, id: String(position) }), query.get('cursor'), limit)
  const others = page
    .map(({ follow }) => (direction === 'followers' ? follow.followerDid : follow.followeeDid))
    .filter((did) => visible(state, did))
    .map((did) => profileView(state.actors.get(did)!))
  return { status: 200, body: { subject: profileView(subject), ...(cursor ? { cursor } : {}), [direction]: others } }
}

/** `app.bsky.feed.getRepostedBy`: the reposters of a post, newest repost first (50 by default, 100 at most). */
function repostedBy(state: FakeBlueskyState, query: URLSearchParams): XrpcReply {
  const uri = query.get('uri')
  if (uri === null || uri === '') return xrpcError(400, 'InvalidRequest', 'Params must have the property "uri"')
  const limit = limitParam(query, 50, 100)
  if (typeof limit !== 'number') return limit
  const reposts = state.reposts.filter((repost) => repost.subjectUri === uri)
  const { page, cursor } = keysetPage(reposts, (repost) => ({ ms: Date.parse(repost.indexedAt), id: repostUri(repost.byDid, repost.rkey) }), query.get('cursor'), limit)
  const repostedBy = page.filter((repost) => visible(state, repost.byDid)).map((repost) => profileView(state.actors.get(repost.byDid)!))
  return { status: 200, body: { uri, ...(cursor ? { cursor } : {}), repostedBy } }
}

/** `app.bsky.feed.getPostThread`: a post and `depth` levels of replies (6 by default, 1000 at most), oldest reply first. */
function postThread(state: FakeBlueskyState, query: URLSearchParams): XrpcReply {
  const uri = query.get('uri')
  if (uri === null || uri === '') return xrpcError(400, 'InvalidRequest', 'Params must have the property "uri"')
  const depth = query.get('depth') === null ? 6 : Number(query.get('depth'))
  if (!Number.isInteger(depth) || depth < 0 || depth > 1000) return xrpcError(400, 'InvalidRequest', 'depth must be an integer between 0 and 1000')
  const root = state.posts.get(uri)
  if (root === undefined || root.deleted) return xrpcError(400, 'NotFound', `Post not found: ${uri}`)
  const node = (post: FakeBlueskyPost, level: number): Record<string, unknown> => {
    const postUriOf = postUri(post.authorDid, post.rkey)
    const children = [...state.posts.values()].filter((reply) => reply.replyTo?.parent === postUriOf).sort((a, b) => sortAtMs(a) - sortAtMs(b))
    return {
      $type: 'app.bsky.feed.defs#threadViewPost',
      post: postView(post, state),
      ...(level < depth && {
        replies: children.map((reply) =>
          reply.deleted ? { $type: 'app.bsky.feed.defs#notFoundPost', uri: postUri(reply.authorDid, reply.rkey), notFound: true } : node(reply, level + 1)),
      }),
    }
  }
  return { status: 200, body: { thread: node(root, 0) } }
}

export function xrpcGet(state: FakeBlueskyState, method: string, query: URLSearchParams): XrpcReply {
  switch (method) {
    case 'app.bsky.feed.searchPosts':
      return searchPosts(state, query)
    case 'app.bsky.feed.getAuthorFeed':
      return authorFeed(state, query)
    case 'app.bsky.feed.getPostThread':
      return postThread(state, query)
    case 'app.bsky.feed.getRepostedBy':
      return repostedBy(state, query)
    case 'app.bsky.graph.getFollowers':
      return followList(state, query, 'followers')
    case 'app.bsky.graph.getFollows':
      return followList(state, query, 'follows')
    case 'app.bsky.actor.getProfiles': {
      const actors = query.getAll('actors')
      if (actors.length > 25) return xrpcError(400, 'InvalidRequest', 'actors must not have more than 25 elements')
      const found = actors.map((id) => state.actor(id)).filter((actor) => actor !== undefined && !actor.takenDown)
      return { status: 200, body: { profiles: found.map((actor) => profileDetailed(actor!, state)) } }
    }
    case 'app.bsky.feed.getPosts': {
      const uris = query.getAll('uris')
      if (uris.length > 25) return xrpcError(400, 'InvalidRequest', 'uris must not have more than 25 elements')
      // Deleted posts are left out silently, as the AppView does.
      const found = uris.map((uri) => state.posts.get(uri)).filter((post) => post !== undefined && !post.deleted && visible(state, post.authorDid))
      return { status: 200, body: { posts: found.map((post) => postView(post!, state)) } }
    }
    case 'app.bsky.actor.getProfile': {
      const actor = state.actor(query.get('actor') ?? '')
      return actor === undefined ? xrpcError(400, 'InvalidRequest', 'Profile not found') : { status: 200, body: profileDetailed(actor, state) }
    }
    default:
      return xrpcError(501, 'MethodNotImplemented', 'Method Not Implemented')
  }
}
