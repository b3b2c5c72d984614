// Account mentions written in a post's text:
// - `@alice@host.tld` (Mastodon/fediverse) → `alice@host.tld`
// - `@alice.bsky.social` (Bluesky, a domain handle) → `alice.bsky.social`
// - `@alice` (X, local Mastodon) → `alice`
// - `u/alice` or `/u/alice` (Reddit) → `u/alice`
// An `@` glued to a preceding word is an e-mail address, not a mention.

import type { MentionRef } from '../../networks/model.ts'
import { scanLinks } from './extract-links.ts'

// One pass for both forms, so mentions come out in the order they were written.
const MENTION = new RegExp(
  [
    String.raw`(?<![\p{L}\p{M}\p{N}_.+\-\/@#])[@＠](?<user>[a-z0-9_](?:[a-z0-9_.\-]*[a-z0-9_])?)`,
    String.raw`(?:@(?<domain>[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)+))?`,
    String.raw`(?![\p{L}\p{M}\p{N}_@\-])`,
    String.raw`|(?<![\p{L}\p{M}\p{N}_\/])\/?u\/(?<redditor>[a-z0-9_\-]{3,20})(?![\p{L}\p{M}\p{N}_\-])`,
  ].join(''),
  'giu',
)
/** A domain handle: dot-separated labels, the last one alphabetic (a TLD). */
const DOMAIN_HANDLE = /^(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}$/i

function handleFromAt(user: string, domain: string | undefined): string {
  if (domain !== undefined) return `${user}@${domain.toLowerCase()}`
  if (!user.includes('.')) return user
  // Domain handles are case-insensitive; anything else with a dot ("@bob.", "@v1.2") is a
  // plain handle followed by punctuation.
  return DOMAIN_HANDLE.test(user) ? user.toLowerCase() : user.slice(0, user.indexOf('.'))
}

/** Mentions in text that has already had its links removed. */
export function mentionsInLinklessText(text: string): MentionRef[] {
  const handles: string[] = []
  const seen = new Set<string>()
  const add = (handle: string): void => {
    const key = handle.toLowerCase()
    if (handle.length === 0 || seen.has(key)) return
    seen.add(key)
    handles.push(handle)
  }
  if (!text.includes('@') && !text.includes('＠') && !/u\//i.test(text)) return []
  for (const match of text.matchAll(MENTION)) {
    const { user, domain, redditor } = match.groups ?? {}
    if (redditor !== undefined) add(`u/${redditor}`)
    else if (user !== undefined) add(handleFromAt(user, domain))
  }
  return handles.map((handle) => ({ externalId: null, handle }))
}

/** Mentions written in the text, in order, deduplicated case-insensitively; ids unknown (null). */
export function extractMentions(text: string): MentionRef[] {
  return mentionsInLinklessText(scanLinks(text).textWithoutLinks)
}
