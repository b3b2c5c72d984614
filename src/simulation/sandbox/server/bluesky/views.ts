// app.bsky view objects: profile views (basic / with description / detailed with counts),
// post records with UTF-8 byte facets, postView and feedViewPost.
import { decodeTidMs, encodeTid, makeCid } from '../../ids.ts'
import { renderPost } from '../../render-post.ts'
import { mix32 } from '../../rng.ts'
import { PostKind } from '../../types.ts'
import { upperBound, type SandboxView } from '../sandbox-view.ts'

type Json = Record<string, unknown>

export function postUri(view: SandboxView, post: number): string {
  const { posts, accounts } = view.data
  const author = accounts[posts.author[post]]
  const collection = posts.kind[post] === PostKind.repost ? 'app.bsky.feed.repost' : 'app.bsky.feed.post'
  return `at://${author.did}/${collection}/${encodeTid(posts.createdAt[post], mix32(author.index) & 1023)}`
}

export function postCid(view: SandboxView, post: number): string {
  return makeCid(view.data.seedHash, view.data.posts.kind[post] === PostKind.repost ? 2 : 1, post)
}

/** Post index of a visible `app.bsky.feed.post` AT-URI, or null. */
export function postByUri(view: SandboxView, uri: string): number | null {
  const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri)
  const ms = match ? decodeTidMs(match[2]) : null
  const account = match ? view.findAccount(match[1]) : null
  if (ms === null || account === null) return null
  const index = upperBound(view.data.posts.createdAt, ms) - 1
  if (index < 0 || index >= view.visibleCount || view.data.posts.createdAt[index] !== ms) return null
  return view.data.posts.author[index] === account && view.data.posts.kind[index] !== PostKind.repost ? index : null
}

export function profileViewBasic(view: SandboxView, account: number): Json {
  const a = view.data.accounts[account]
  return {
    did: a.did,
    handle: a.handle,
    displayName: a.displayName,
    avatar: `https://cdn.bsky.sandbox.example/img/avatar/plain/${a.did}/${makeCid(view.data.seedHash, 3, account)}@jpeg`,
    labels: [],
    createdAt: a.createdAt.toISOString(),
  }
}

export function profileView(view: SandboxView, account: number): Json {
  const a = view.data.accounts[account]
  return { ...profileViewBasic(view, account), description: a.bio, indexedAt: a.createdAt.toISOString() }
}

export function profileViewDetailed(view: SandboxView, account: number): Json {
  let postsCount = 0
  for (const post of view.authorPosts(account)) if (view.data.posts.kind[post] !== PostKind.repost) postsCount++
  return {
    ...profileView(view, account),
    followersCount: view.followerCount(account),
    followsCount: view.followingCount(account),
    postsCount,
  }
}

function strongRef(view: SandboxView, post: number): Json {
  return { uri: postUri(view, post), cid: postCid(view, post) }
}

export function postRecord(view: SandboxView, post: number): Json {
  const { posts, accounts } = view.data
  const rendered = renderPost(view.data, post)
  const facets: Json[] = []
  let text = ''
  for (const segment of rendered.segments) {
    const byteStart = Buffer.byteLength(text)
    if (segment.type === 'text') {
      text += segment.text
      continue
    }
    const shown = segment.type === 'tag' ? `#${segment.tag}` : segment.type === 'link' ? segment.url : `@${accounts[segment.account].handle}`
    text += shown
    const feature =
      segment.type === 'tag'
        ? { $type: 'app.bsky.richtext.facet#tag', tag: segment.tag }
        : segment.type === 'link'
          ? { $type: 'app.bsky.richtext.facet#link', uri: segment.url }
          : { $type: 'app.bsky.richtext.facet#mention', did: accounts[segment.account].did }
    facets.push({ index: { byteStart, byteEnd: byteStart + Buffer.byteLength(shown) }, features: [feature] })
  }
  const record: Json = { $type: 'app.bsky.feed.post', text, createdAt: rendered.createdAt.toISOString() }
  if (rendered.lang) record.langs = [rendered.lang]
  if (facets.length > 0) record.facets = facets
  if (rendered.extraTags.length > 0) record.tags = rendered.extraTags
  const parent = posts.parent[post]
  if (posts.kind[post] === PostKind.reply) {
    let root = parent
    while (posts.kind[root] === PostKind.reply) root = posts.parent[root]
    record.reply = { root: strongRef(view, root), parent: strongRef(view, parent) }
  }
  if (posts.kind[post] === PostKind.quote) record.embed = { $type: 'app.bsky.embed.record', record: strongRef(view, parent) }
  return record
}

function indexedAt(view: SandboxView, post: number): string {
  return new Date(view.data.posts.createdAt[post] + (mix32(post) % 1500)).toISOString()
}

export function postView(view: SandboxView, post: number, depth = 0): Json {
  const { posts } = view.data
  const result: Json = {
    uri: postUri(view, post),
    cid: postCid(view, post),
    author: profileViewBasic(view, posts.author[post]),
    record: postRecord(view, post),
    replyCount: posts.replies[post],
    repostCount: posts.reposts[post],
    likeCount: posts.likes[post],
    quoteCount: posts.quotes[post],
    bookmarkCount: 0,
    indexedAt: indexedAt(view, post),
    labels: [],
  }
  const parent = posts.parent[post]
  if (posts.kind[post] === PostKind.quote && depth === 0) {
    result.embed = {
      $type: 'app.bsky.embed.record#view',
      record: {
        $type: 'app.bsky.embed.record#viewRecord',
        uri: postUri(view, parent),
        cid: postCid(view, parent),
        author: profileViewBasic(view, posts.author[parent]),
        value: postRecord(view, parent),
        labels: [],
        replyCount: posts.replies[parent],
        repostCount: posts.reposts[parent],
        likeCount: posts.likes[parent],
        quoteCount: posts.quotes[parent],
        embeds: [],
        indexedAt: indexedAt(view, parent),
      },
    }
  }
  return result
}

/** An author-feed item: the post, its thread context, or the repost reason. */
export function feedViewPost(view: SandboxView, post: number): Json {
  const { posts } = view.data
  const kind = posts.kind[post]
  const parent = posts.parent[post]
  if (kind === PostKind.repost) {
    return {
      post: postView(view, parent),
      reason: { $type: 'app.bsky.feed.defs#reasonRepost', by: profileViewBasic(view, posts.author[post]), uri: postUri(view, post), cid: postCid(view, post), indexedAt: indexedAt(view, post) },
    }
  }
  if (kind !== PostKind.reply) return { post: postView(view, post) }
  let root = parent
  while (posts.kind[root] === PostKind.reply) root = posts.parent[root]
  const asUnion = (p: number): Json => ({ $type: 'app.bsky.feed.defs#postView', ...postView(view, p) })
  return { post: postView(view, post), reply: { root: asUnion(root), parent: asUnion(parent) } }
}
