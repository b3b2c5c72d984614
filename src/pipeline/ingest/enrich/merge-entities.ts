// Merging what the network reported (entities, facets) with what enrichment found in the text.
// The network's entries come first and keep their resolved ids; text finds only add what is new.

import type { MentionRef } from '../../networks/model.ts'
import { normalizeHashtag } from './extract-hashtags.ts'

/** Lower-cased, `#`-less, deduplicated; the network's tags first. */
export function mergeHashtags(fromNetwork: readonly string[], fromText: readonly string[]): string[] {
  const merged: string[] = []
  for (const tag of fromNetwork) {
    const normalized = normalizeHashtag(tag.trim())
    if (normalized.length > 0 && !merged.includes(normalized)) merged.push(normalized)
  }
  for (const tag of fromText) if (!merged.includes(tag)) merged.push(tag)
  return merged
}

const mentionKey = (handle: string): string => handle.trim().replace(/^[@＠]/, '').toLowerCase()

/**
 * The network's mentions, then the text's that name someone new. A text `@bob` is the network's
 * `bob@host.example` (Mastodon writes local-looking handles in the text) — same person, not added.
 */
export function mergeMentions(fromNetwork: readonly MentionRef[], fromText: readonly MentionRef[]): MentionRef[] {
  const merged: MentionRef[] = []
  const known = new Set<string>()
  const knownUsers = new Set<string>()
  const remember = (mention: MentionRef): void => {
    const key = mentionKey(mention.handle)
    known.add(key)
    const at = key.indexOf('@')
    if (at > 0) knownUsers.add(key.slice(0, at))
  }
  for (const mention of fromNetwork) {
    const key = mentionKey(mention.handle)
    if (key.length > 0 && known.has(key)) continue
    merged.push(mention)
    remember(mention)
  }
  for (const mention of fromText) {
    const key = mentionKey(mention.handle)
    if (known.has(key) || (!key.includes('@') && knownUsers.has(key))) continue
    merged.push(mention)
    remember(mention)
  }
  return merged
}

const linkKey = (link: string): string => {
  try {
    const url = new URL(link)
    return url.href.replace(/\/$/, '')
  } catch {
    return link
  }
}

/**
 * The network's links, then the text's new ones. On X the text carries t.co short links for the
 * expanded URLs the network already gave, so those are dropped when the network gave any links.
 */
export function mergeLinks(fromNetwork: readonly string[], fromText: readonly string[], network: string): string[] {
  const merged = [...new Set(fromNetwork)]
  const known = new Set(merged.map(linkKey))
  const skipShortLinks = network === 'x' && merged.length > 0
  for (const link of fromText) {
    if (skipShortLinks && /^https?:\/\/t\.co\//i.test(link)) continue
    const key = linkKey(link)
    if (known.has(key)) continue
    known.add(key)
    merged.push(link)
  }
  return merged
}
