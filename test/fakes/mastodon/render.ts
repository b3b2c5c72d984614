// Renders seed records as Mastodon REST entities (Account, Status, Quote), HTML content included.
import type { FakeMastodonAccount, FakeMastodonStatus } from './seed.ts'
import type { FakeMastodonState } from './state.ts'

export interface RenderContext {
  state: FakeMastodonState
  /** `http://127.0.0.1:port` of the fake: the instance's own origin. */
  origin: string
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

function accountHome(account: FakeMastodonAccount, origin: string): string {
  return account.domain ? `https://${account.domain}` : origin
}

export function accountUrl(account: FakeMastodonAccount, origin: string): string {
  return `${accountHome(account, origin)}/@${account.username}`
}

export function accountUri(account: FakeMastodonAccount, origin: string): string {
  return `${accountHome(account, origin)}/users/${account.username}`
}

export function statusUri(status: FakeMastodonStatus, context: RenderContext): string {
  const author = context.state.accounts.get(status.accountId)!
  const base = `${accountUri(author, context.origin)}/statuses/${status.id}`
  return status.reblogOfId ? `${base}/activity` : base
}

interface Counts {
  followers: Map<string, number>
  following: Map<string, number>
  statuses: Map<string, number>
  replies: Map<string, number>
  reblogs: Map<string, number>
  quotes: Map<string, number>
}

const countCache = new WeakMap<FakeMastodonState, { version: number; counts: Counts }>()

/** Per-account and per-status counts, rebuilt only when the data changed. */
export function counts(state: FakeMastodonState): Counts {
  const cached = countCache.get(state)
  if (cached?.version === state.version) return cached.counts
  const result: Counts = { followers: new Map(), following: new Map(), statuses: new Map(), replies: new Map(), reblogs: new Map(), quotes: new Map() }
  const bump = (map: Map<string, number>, key: string | undefined) => {
    if (key !== undefined) map.set(key, (map.get(key) ?? 0) + 1)
  }
  for (const follow of state.follows.items) {
    bump(result.followers, follow.followeeId)
    bump(result.following, follow.followerId)
  }
  for (const status of state.statuses.items) {
    if (status.deleted) continue
    bump(result.statuses, status.accountId)
    bump(result.replies, status.inReplyToId)
    bump(result.reblogs, status.reblogOfId)
    bump(result.quotes, status.quote?.statusId)
  }
  countCache.set(state, { version: state.version, counts: result })
  return result
}

export function renderAccount(account: FakeMastodonAccount, context: RenderContext): Record<string, unknown> {
  const tally = counts(context.state)
  return {
    id: account.id,
    username: account.username,
    acct: account.domain ? `${account.username}@${account.domain}` : account.username,
    display_name: account.displayName ?? '',
    locked: false,
    bot: false,
    group: false,
    discoverable: true,
    indexable: account.indexable ?? true,
    hide_collections: account.hideCollections ?? false,
    created_at: '2022-11-05T00:00:00.000Z',
    note: account.note ?? '',
    url: account.url ?? accountUrl(account, context.origin),
    uri: accountUri(account, context.origin),
    avatar: `${context.origin}/avatars/original/missing.png`,
    avatar_static: `${context.origin}/avatars/original/missing.png`,
    header: `${context.origin}/headers/original/missing.png`,
    header_static: `${context.origin}/headers/original/missing.png`,
    followers_count: account.followersCount ?? tally.followers.get(account.id) ?? 0,
    following_count: account.followingCount ?? tally.following.get(account.id) ?? 0,
    statuses_count: account.statusesCount ?? tally.statuses.get(account.id) ?? 0,
    last_status_at: '2024-08-21',
    emojis: [],
    fields: [],
  }
}

interface RenderedText {
  html: string
  tags: string[]
  mentions: FakeMastodonAccount[]
}

const TOKEN = /(https?:\/\/[^\s<]+)|#([\p{L}\p{N}_]+)|@([A-Za-z0-9_]+)(?:@([A-Za-z0-9.-]+[A-Za-z0-9]))?/gu

/** Plain text → Mastodon's sanitised HTML: paragraphs, `<br />`, hashtag/mention/link anchors. */
export function renderText(text: string, context: RenderContext): RenderedText {
  const tags: string[] = []
  const mentions: FakeMastodonAccount[] = []
  const host = new URL(context.origin).host
  const inline = (line: string): string => {
    let html = ''
    let last = 0
    for (const match of line.matchAll(TOKEN)) {
      html += escapeHtml(line.slice(last, match.index))
      last = match.index + match[0].length
      const [whole, url, tag, username, domain] = match
      if (url) {
        const scheme = /^https?:\/\//.exec(url)![0]
        const rest = url.slice(scheme.length)
        html += `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">${scheme}</span><span class="ellipsis">${escapeHtml(rest.slice(0, 30))}</span><span class="invisible">${escapeHtml(rest.slice(30))}</span></a>`
      } else if (tag) {
        if (!tags.some((known) => known.toLowerCase() === tag.toLowerCase())) tags.push(tag)
        html += `<a href="${context.origin}/tags/${encodeURIComponent(tag.toLowerCase())}" class="mention hashtag" rel="tag">#<span>${escapeHtml(tag)}</span></a>`
      } else {
        const account = context.state.findByAcct(domain ? `${username}@${domain}` : username, host)
        if (account === undefined) {
          html += escapeHtml(whole)
          continue
        }
        if (!mentions.includes(account)) mentions.push(account)
        html += `<span class="h-card" translate="no"><a href="${accountUrl(account, context.origin)}" class="u-url mention">@<span>${escapeHtml(account.username)}</span></a></span>`
      }
    }
    return html + escapeHtml(line.slice(last))
  }
  const html = text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(inline).join('<br />')}</p>`)
    .join('')
  return { html, tags, mentions }
}
