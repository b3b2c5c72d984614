// One Mastodon status → the posts it stands for. A boost becomes two posts (the original, and the
// boost by the booster with empty text); an accepted quote carries the quoted status along.
import type { CollectedBatch, MentionRef, NormalizedAccount, NormalizedPost } from '../model.ts'
import { htmlToText, type HtmlAnchor } from '../html-to-text.ts'
import { acctHandle, acctId } from './acct.ts'
import type { MastodonIdIndex } from './id-index.ts'
import { normalizeMastodonAccount } from './normalize-account.ts'
import type { MastodonAnyStatus, MastodonStatus } from './schemas.ts'

export interface StatusContext {
  localDomain: string
  index: MastodonIdIndex
}

function isMentionOrHashtag(anchor: HtmlAnchor, knownUrls: Set<string>): boolean {
  // Mastodon marks them with classes; other servers (Pleroma, GoToSocial) at least prefix the text.
  return (
    anchor.classes.includes('mention') ||
    anchor.classes.includes('hashtag') ||
    anchor.rel.includes('tag') ||
    /^[#@]/.test(anchor.text) ||
    knownUrls.has(anchor.href)
  )
}

function quotedUri(status: MastodonAnyStatus, index: MastodonIdIndex): string | null {
  const quote = status.quote
  // Only an accepted quote is a quote; unknown states count as unauthorized (Quote.md).
  if (quote === null || quote === undefined || quote.state !== 'accepted') return null
  if ('quoted_status' in quote && quote.quoted_status) return quote.quoted_status.uri
  return index.statusUri(quote.quoted_status_id)
}

function unique<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Map<string, T>()
  for (const value of values) if (!seen.has(key(value))) seen.set(key(value), value)
  return [...seen.values()]
}

/** A status's counts in Relais's terms, at collection and at every re-read. */
export function statusCounts(status: MastodonAnyStatus): { likes: number; reposts: number; replies: number; quotes: number } {
  return { likes: status.favourites_count ?? 0, reposts: status.reblogs_count ?? 0, replies: status.replies_count ?? 0, quotes: status.quotes_count ?? 0 }
}

function ownPost(status: MastodonAnyStatus, context: StatusContext): NormalizedPost {
  const { localDomain, index } = context
  const { text: body, anchors } = htmlToText(status.content, { dropClasses: ['quote-inline'] })
  const warning = status.spoiler_text?.trim() ?? ''
  const mentions: MentionRef[] = (status.mentions ?? []).map((mention) => ({
    externalId: acctId(mention.acct, localDomain),
    handle: acctHandle(mention.acct, localDomain),
  }))
  const knownUrls = new Set<string>()
  for (const entity of [...(status.mentions ?? []), ...(status.tags ?? [])]) if (entity.url) knownUrls.add(entity.url)
  return {
    network: 'mastodon',
    externalId: status.uri,
    readId: status.id,
    authorExternalId: acctId(status.account.acct, localDomain),
    createdAt: new Date(status.created_at),
    text: warning.length > 0 && body.length > 0 ? `${warning}\n\n${body}` : warning || body,
    lang: status.language ? status.language.toLowerCase() : null,
    url: status.url ?? null,
    replyToExternalId: index.statusUri(status.in_reply_to_id),
    replyToAuthorExternalId: index.accountId(status.in_reply_to_account_id),
    repostOfExternalId: null,
    quoteOfExternalId: quotedUri(status, index),
    ...statusCounts(status),
    hashtags: unique((status.tags ?? []).map((tag) => tag.name.toLowerCase()), (tag) => tag),
    mentions: unique(mentions, (mention) => mention.externalId ?? mention.handle),
    links: unique(
      anchors.filter((anchor) => !isMentionOrHashtag(anchor, knownUrls)).map((anchor) => anchor.href),
      (href) => href,
    ),
  }
}

function boostPost(boost: MastodonStatus, original: MastodonAnyStatus, localDomain: string): NormalizedPost {
  return {
    network: 'mastodon',
    externalId: boost.uri,
    readId: boost.id,
    authorExternalId: acctId(boost.account.acct, localDomain),
    createdAt: new Date(boost.created_at),
    text: '',
    lang: null,
    url: boost.url ?? null,
    replyToExternalId: null,
    replyToAuthorExternalId: null,
    repostOfExternalId: original.uri,
    quoteOfExternalId: null,
    likes: boost.favourites_count ?? 0,
    reposts: boost.reblogs_count ?? 0,
    replies: boost.replies_count ?? 0,
    quotes: 0,
    hashtags: [],
    mentions: [],
    links: [],
  }
}

/** Posts and accounts for a page of statuses, each post and account once, page order kept. */
export function normalizeStatuses(statuses: MastodonStatus[], context: StatusContext): CollectedBatch {
  const posts: NormalizedPost[] = []
  const accounts: NormalizedAccount[] = []
  const addWithQuoted = (status: MastodonAnyStatus): void => {
    posts.push(ownPost(status, context))
    accounts.push(normalizeMastodonAccount(status.account, context.localDomain))
    const quote = status.quote
    if (quote && quote.state === 'accepted' && 'quoted_status' in quote && quote.quoted_status) {
      posts.push(ownPost(quote.quoted_status, context))
      accounts.push(normalizeMastodonAccount(quote.quoted_status.account, context.localDomain))
    }
  }
  for (const status of statuses) {
    if (status.reblog) {
      addWithQuoted(status.reblog)
      posts.push(boostPost(status, status.reblog, context.localDomain))
      accounts.push(normalizeMastodonAccount(status.account, context.localDomain))
    } else {
      addWithQuoted(status)
    }
  }
  return {
    posts: unique(posts, (post) => post.externalId),
    accounts: unique(accounts, (account) => account.externalId),
  }
}
