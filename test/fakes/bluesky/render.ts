// Renders seed records as app.bsky views: profileViewBasic / profileView / profileViewDetailed,
// postView with its record (facets with UTF-8 byte offsets, `$type` on every union member).
import { createHash } from 'node:crypto'
import { postUri, type FakeBlueskyActor, type FakeBlueskyFacet, type FakeBlueskyPost } from './seed.ts'
import type { FakeBlueskyState } from './state.ts'

export const fakeCid = (uri: string): string => `bafyrei${createHash('sha256').update(uri).digest('hex').slice(0, 45)}`

/** `sortAt`: the earlier of createdAt and indexedAt, as the AppView sorts. */
export function sortAtMs(post: FakeBlueskyPost): number {
  const indexed = Date.parse(post.indexedAt ?? post.createdAt)
  const created = Date.parse(post.createdAt)
  return Number.isNaN(created) ? indexed : Math.min(created, indexed)
}

export function profileBasic(actor: FakeBlueskyActor): Record<string, unknown> {
  return {
    did: actor.did,
    handle: actor.handle,
    ...(actor.displayName === undefined ? {} : { displayName: actor.displayName }),
    avatar: `https://cdn.bsky.app/img/avatar/plain/${actor.did}/bafkreiavatar@jpeg`,
    labels: [],
    createdAt: '2023-05-01T12:00:00.000Z',
  }
}

export function profileView(actor: FakeBlueskyActor): Record<string, unknown> {
  return { ...profileBasic(actor), ...(actor.description === undefined ? {} : { description: actor.description }), indexedAt: '2024-01-02T00:00:00.000Z' }
}

export function profileDetailed(actor: FakeBlueskyActor, state: FakeBlueskyState): Record<string, unknown> {
  return {
    ...profileView(actor),
    followersCount: state.follows.filter((follow) => follow.followeeDid === actor.did).length,
    followsCount: state.follows.filter((follow) => follow.followerDid === actor.did).length,
    postsCount: [...state.posts.values()].filter((post) => post.authorDid === actor.did && !post.deleted).length,
  }
}

const byteLength = (text: string): number => new TextEncoder().encode(text).length

interface Counts {
  replies: Map<string, number>
  quotes: Map<string, number>
  reposts: Map<string, number>
}

const countCache = new WeakMap<FakeBlueskyState, { version: string; counts: Counts }>()

/** Reply, quote and repost counts per post uri, recomputed only when the data changed. */
function counts(state: FakeBlueskyState): Counts {
  const version = `${state.version}:${state.reposts.length}`
  const cached = countCache.get(state)
  if (cached?.version === version) return cached.counts
  const result: Counts = { replies: new Map(), quotes: new Map(), reposts: new Map() }
  const bump = (map: Map<string, number>, key: string | undefined) => {
    if (key !== undefined) map.set(key, (map.get(key) ?? 0) + 1)
  }
  for (const post of state.posts.values()) {
    if (post.deleted) continue
    bump(result.replies, post.replyTo?.parent)
    bump(result.quotes, post.quote?.uri)
  }
  for (const repost of state.reposts) bump(result.reposts, repost.subjectUri)
  countCache.set(state, { version, counts: result })
  return result
}

const facetCache = new WeakMap<FakeBlueskyPost, { text: string; facets: FakeBlueskyFacet[] }>()

/** The post's own facets, or those a client would have computed for its text. */
function facetsOf(post: FakeBlueskyPost, state: FakeBlueskyState): FakeBlueskyFacet[] {
  if (post.facets) return post.facets
  const cached = facetCache.get(post)
  if (cached?.text === post.text) return cached.facets
  const facets = detectFacets(post.text, state)
  facetCache.set(post, { text: post.text, facets })
  return facets
}
const FACET_TOKEN = /(https?:\/\/[^\s]+)|(?<=^|\s)#([\p{L}\p{N}_]+)|(?<=^|\s)@([a-z0-9.-]+\.[a-z]+)/gu

/** Facets as a client computes them when posting: offsets counted in UTF-8 bytes. */
export function detectFacets(text: string, state: FakeBlueskyState): FakeBlueskyFacet[] {
  const facets: FakeBlueskyFacet[] = []
  for (const match of text.matchAll(FACET_TOKEN)) {
    const byteStart = byteLength(text.slice(0, match.index))
    const index = { byteStart, byteEnd: byteStart + byteLength(match[0]) }
    const [, url, tag, handle] = match
    if (url) facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#link', uri: url }] })
    else if (tag) facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#tag', tag }] })
    else {
      const actor = state.actor(handle)
      if (actor) facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#mention', did: actor.did }] })
    }
  }
  return facets
}

/** Every hashtag a post carries: tag facets and record tags. */
export function postTags(post: FakeBlueskyPost, state: FakeBlueskyState): string[] {
  const fromFacets = facetsOf(post, state).flatMap((facet) =>
    facet.features.filter((feature) => feature.$type === 'app.bsky.richtext.facet#tag').map((feature) => String(feature.tag)),
  )
  return [...fromFacets, ...(post.tags ?? [])].map((tag) => tag.toLowerCase())
}

function embedRef(uri: string): Record<string, unknown> {
  return { uri, cid: fakeCid(uri) }
}

function postRecord(post: FakeBlueskyPost, state: FakeBlueskyState): Record<string, unknown> {
  const facets = facetsOf(post, state)
  const record: Record<string, unknown> = { $type: 'app.bsky.feed.post', text: post.text, createdAt: post.createdAt }
  if (post.langs) record.langs = post.langs
  if (facets.length > 0) record.facets = facets
  if (post.tags) record.tags = post.tags
  if (post.replyTo) record.reply = { root: embedRef(post.replyTo.root ?? post.replyTo.parent), parent: embedRef(post.replyTo.parent) }
  if (post.quote) {
    const quote = { $type: 'app.bsky.embed.record', record: embedRef(post.quote.uri) }
    record.embed = post.quote.withMedia
      ? { $type: 'app.bsky.embed.recordWithMedia', record: quote, media: { $type: 'app.bsky.embed.images', images: [] } }
      : quote
  }
  return record
}

function quoteView(uri: string, state: FakeBlueskyState): Record<string, unknown> {
  const quoted = state.posts.get(uri)
  if (quoted === undefined || quoted.deleted) return { $type: 'app.bsky.embed.record#viewNotFound', uri, notFound: true }
  return {
    $type: 'app.bsky.embed.record#viewRecord',
    uri,
    cid: fakeCid(uri),
    author: profileBasic(state.actors.get(quoted.authorDid)!),
    value: postRecord(quoted, state),
    indexedAt: quoted.indexedAt ?? quoted.createdAt,
  }
}

export function postView(post: FakeBlueskyPost, state: FakeBlueskyState): Record<string, unknown> {
  const uri = postUri(post.authorDid, post.rkey)
  const { replies, quotes, reposts } = counts(state)
  const view: Record<string, unknown> = {
    uri,
    cid: fakeCid(uri),
    author: profileBasic(state.actors.get(post.authorDid)!),
    record: postRecord(post, state),
    replyCount: replies.get(uri) ?? 0,
    repostCount: reposts.get(uri) ?? 0,
    likeCount: post.likes ?? 0,
    quoteCount: quotes.get(uri) ?? 0,
    bookmarkCount: 0,
    indexedAt: post.indexedAt ?? post.createdAt,
    labels: [],
  }
  if (post.quote) {
    const record = { $type: 'app.bsky.embed.record#view', record: quoteView(post.quote.uri, state) }
    view.embed = post.quote.withMedia
      ? { $type: 'app.bsky.embed.recordWithMedia#view', record, media: { $type: 'app.bsky.embed.images#view', images: [] } }
      : record
  }
  return view
}

/** The DIDs a post's mention facets name: what searchPosts' `mentions` filter matches. */
export function mentionedDids(post: FakeBlueskyPost, state: FakeBlueskyState): string[] {
  return facetsOf(post, state).flatMap((facet) =>
    facet.features.filter((feature) => feature.$type === 'app.bsky.richtext.facet#mention').map((feature) => String(feature.did)),
  )
}
