// Status entities: boosts wrap the original under `reblog`, accepted quotes carry the quoted
// status one level deep (deeper ones become ShallowQuotes), as Mastodon 4.4+ renders them.
import { accountUrl, counts, renderAccount, renderText, statusUri, type RenderContext } from './render.ts'
import type { FakeMastodonStatus } from './seed.ts'

function renderQuote(status: FakeMastodonStatus, context: RenderContext, depth: number): Record<string, unknown> | null {
  const quote = status.quote
  if (quote === undefined) return null
  const quoted = context.state.statuses.get(quote.statusId)
  const state = quoted === undefined || quoted.deleted ? 'deleted' : (quote.state ?? 'accepted')
  if (state !== 'accepted' || quoted === undefined) return { state, quoted_status: null }
  if (quote.shallow || depth > 0) return { state, quoted_status_id: quoted.id }
  return { state, quoted_status: renderStatus(quoted, context, depth + 1) }
}

export function renderStatus(status: FakeMastodonStatus, context: RenderContext, depth = 0): Record<string, unknown> {
  const { state, origin } = context
  const author = state.accounts.get(status.accountId)!
  const reblogOf = status.reblogOfId ? state.statuses.get(status.reblogOfId) : undefined
  const parent = status.inReplyToId ? state.statuses.get(status.inReplyToId) : undefined
  const rendered = status.html !== undefined || reblogOf !== undefined ? null : renderText(status.text ?? '', context)
  const tags = rendered?.tags ?? status.tags ?? []
  const mentions =
    rendered?.mentions ?? (status.mentionIds ?? []).map((id) => state.accounts.get(id)).filter((account) => account !== undefined)
  const tally = counts(state)
  return {
    id: status.id,
    created_at: status.createdAt,
    edited_at: status.editedAt ?? null,
    in_reply_to_id: status.inReplyToId ?? null,
    // Mastodon keeps the parent's author id even when the parent is gone.
    in_reply_to_account_id: parent?.accountId ?? null,
    sensitive: false,
    spoiler_text: status.spoilerText ?? '',
    visibility: status.visibility ?? 'public',
    language: reblogOf ? null : status.language === undefined ? 'en' : status.language,
    uri: statusUri(status, context),
    url: reblogOf ? null : (status.url ?? `${accountUrl(author, origin)}/${status.id}`),
    replies_count: tally.replies.get(status.id) ?? 0,
    reblogs_count: tally.reblogs.get(status.id) ?? 0,
    favourites_count: status.favourites ?? 0,
    quotes_count: tally.quotes.get(status.id) ?? 0,
    content: reblogOf ? '' : (status.html ?? rendered?.html ?? ''),
    reblog: reblogOf ? renderStatus(reblogOf, context, depth) : null,
    quote: reblogOf ? null : renderQuote(status, context, depth),
    application: null,
    account: renderAccount(author, context),
    media_attachments: [],
    mentions: reblogOf
      ? []
      : mentions.map((account) => ({
          id: account.id,
          username: account.username,
          url: accountUrl(account, origin),
          acct: account.domain ? `${account.username}@${account.domain}` : account.username,
        })),
    tags: reblogOf ? [] : tags.map((name) => ({ name, url: `${origin}/tags/${encodeURIComponent(name.toLowerCase())}` })),
    emojis: [],
    card: null,
    poll: null,
  }
}

/** The plain text a search index would hold for a status. */
export function searchableText(status: FakeMastodonStatus): string {
  return (status.text ?? status.html?.replace(/<[^>]+>/g, ' ') ?? '').toLowerCase()
}
