// Mastodon Account and Status entities as one instance of the sandbox serves them: ids are
// that instance's, `acct` is relative to it, boosts wrap the original, quotes use the 4.4 shape.
import { mastodonAccountId, mastodonStatusId } from '../../ids.ts'
import { renderPost } from '../../render-post.ts'
import { PostKind } from '../../types.ts'
import type { SandboxView } from '../sandbox-view.ts'
import { escapeHtml, segmentsToHtml } from './html.ts'

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

export function accountJson(view: SandboxView, account: number, instance: number): Record<string, unknown> {
  const a = view.data.accounts[account]
  const domain = view.data.instances[instance]
  const home = a.instance ?? domain
  const posts = view.authorPosts(account)
  const lastPost = posts.length > 0 ? view.data.posts.createdAt[posts[posts.length - 1]] : null
  return {
    id: mastodonAccountId(account, instance),
    username: a.username,
    acct: home === domain ? a.username : `${a.username}@${home}`,
    display_name: a.displayName,
    locked: false,
    bot: a.bot,
    discoverable: true,
    indexable: true,
    group: false,
    hide_collections: a.hideCollections,
    created_at: a.createdAt.toISOString(),
    note: `<p>${escapeHtml(a.bio)}</p>`,
    url: `https://${home}/@${a.username}`,
    uri: `https://${home}/users/${a.username}`,
    avatar: `https://${domain}/avatars/original/missing.png`,
    avatar_static: `https://${domain}/avatars/original/missing.png`,
    header: `https://${domain}/headers/original/missing.png`,
    header_static: `https://${domain}/headers/original/missing.png`,
    followers_count: view.followerCount(account),
    following_count: view.followingCount(account),
    statuses_count: posts.length,
    last_status_at: lastPost === null ? null : isoDay(lastPost),
    emojis: [],
    fields: [{ name: 'Sandbox', value: 'Simulated account', verified_at: null }],
  }
}

/** The id, uri and url a post has on its author's home instance. */
export function statusLocation(view: SandboxView, post: number): { homeId: string; uri: string; url: string } {
  const a = view.data.accounts[view.data.posts.author[post]]
  const homeIndex = view.instanceIndex(a.instance ?? '')
  const homeId = mastodonStatusId(view.data.posts.createdAt[post], homeIndex)
  return {
    homeId,
    uri: `https://${a.instance}/users/${a.username}/statuses/${homeId}`,
    url: `https://${a.instance}/@${a.username}/${homeId}`,
  }
}

/** Counts as of the sandbox's now: they grow after a post is first read (arrival-and-growth.ts). */
function countsJson(counts: { likes: number; reposts: number; replies: number; quotes: number }): Record<string, number> {
  return { replies_count: counts.replies, reblogs_count: counts.reposts, favourites_count: counts.likes, quotes_count: counts.quotes }
}

export function statusJson(view: SandboxView, post: number, instance: number, depth = 0): Record<string, unknown> {
  const { data } = view
  const posts = data.posts
  const domain = data.instances[instance]
  const authorIndex = posts.author[post]
  const author = data.accounts[authorIndex]
  const location = statusLocation(view, post)
  const id = mastodonStatusId(posts.createdAt[post], instance)
  const createdAt = new Date(posts.createdAt[post]).toISOString()
  const parent = posts.parent[post]
  const common = {
    id,
    created_at: createdAt,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    edited_at: null,
    application: null,
    account: accountJson(view, authorIndex, instance),
    media_attachments: [],
    emojis: [],
    card: null,
    poll: null,
  }
  if (posts.kind[post] === PostKind.repost) {
    return {
      ...common,
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      language: null,
      uri: `${location.uri}/activity`,
      url: null,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      quotes_count: 0,
      content: '',
      reblog: statusJson(view, parent, instance, depth),
      quote: null,
      mentions: [],
      tags: [],
    }
  }
  const rendered = renderPost(data, post)
  const isReply = posts.kind[post] === PostKind.reply
  const isQuote = posts.kind[post] === PostKind.quote
  const quoted = isQuote
    ? depth === 0
      ? { state: 'accepted', quoted_status: statusJson(view, parent, instance, depth + 1) }
      : { state: 'accepted', quoted_status_id: mastodonStatusId(posts.createdAt[parent], instance) }
    : null
  return {
    ...common,
    in_reply_to_id: isReply ? mastodonStatusId(posts.createdAt[parent], instance) : null,
    in_reply_to_account_id: isReply ? mastodonAccountId(posts.author[parent], instance) : null,
    language: rendered.lang,
    uri: location.uri,
    url: location.url,
    ...countsJson(view.countsNow(post)),
    content: segmentsToHtml(data, rendered.segments, author.instance ?? domain, isQuote ? statusLocation(view, parent).url : null),
    reblog: null,
    quote: quoted,
    mentions: rendered.mentions.map((m) => {
      const target = data.accounts[m]
      return {
        id: mastodonAccountId(m, instance),
        username: target.username,
        url: `https://${target.instance}/@${target.username}`,
        acct: target.instance === domain ? target.username : `${target.username}@${target.instance}`,
      }
    }),
    tags: rendered.hashtags.map((name) => ({ name, url: `https://${domain}/tags/${encodeURIComponent(name)}` })),
  }
}
