import type { CollectedBatch, NormalizedAccount, NormalizedFollow, NormalizedPost } from '../networks/model.ts'
import { cleanNullableText, cleanText, isStorable } from '../../platform/shared/clean-text.ts'
import { safeLink } from '../../platform/shared/safe-link.ts'

// Everything collected or imported passes here before it is enriched or stored: strings lose
// what PostgreSQL cannot store (shared/clean-text.ts), and URLs that are not http(s) are dropped.

const linkOrNull = (url: string | null) => url === null || safeLink(url) === url

export function cleanAccount(a: NormalizedAccount): NormalizedAccount {
  // Nearly every account is clean already: checked without building a copy.
  if (isStorable(a.network) && isStorable(a.externalId) && isStorable(a.handle) && isStorable(a.displayName) && isStorable(a.bio) && isStorable(a.url) && linkOrNull(a.url) && cleanLinks(a.verifiedLinks)) return a
  return {
    ...a,
    ...(a.verifiedLinks && { verifiedLinks: a.verifiedLinks.map((l) => safeLink(cleanText(l))).filter((l): l is string => l !== null).slice(0, MAX_VERIFIED_LINKS) }),
    network: cleanText(a.network),
    externalId: cleanText(a.externalId),
    handle: cleanText(a.handle),
    displayName: cleanNullableText(a.displayName),
    bio: cleanNullableText(a.bio),
    url: safeLink(cleanNullableText(a.url)),
  }
}

/** A profile shows a handful of fields (Mastodon allows 4 by default); more is not a profile. */
const MAX_VERIFIED_LINKS = 16

function cleanLinks(links: string[] | undefined): boolean {
  if (links === undefined) return true
  return links.length <= MAX_VERIFIED_LINKS && links.every((l) => isStorable(l) && safeLink(l) === l)
}

function isCleanPost(p: NormalizedPost): boolean {
  if (!(isStorable(p.text) && isStorable(p.externalId) && isStorable(p.authorExternalId) && isStorable(p.network) && isStorable(p.lang) && isStorable(p.url) && linkOrNull(p.url))) return false
  if (!(isStorable(p.replyToExternalId) && isStorable(p.replyToAuthorExternalId) && isStorable(p.repostOfExternalId) && isStorable(p.quoteOfExternalId))) return false
  for (const h of p.hashtags) if (!isStorable(h) || h === '') return false
  for (const m of p.mentions) if (!isStorable(m.handle) || !isStorable(m.externalId)) return false
  for (const l of p.links) if (!isStorable(l) || safeLink(l) !== l) return false
  return true
}

export function cleanPost(p: NormalizedPost): NormalizedPost {
  if (isCleanPost(p)) return p
  const links: string[] = []
  for (const link of p.links) {
    const safe = safeLink(cleanText(link))
    if (safe) links.push(safe)
  }
  return {
    ...p,
    network: cleanText(p.network),
    externalId: cleanText(p.externalId),
    authorExternalId: cleanNullableText(p.authorExternalId),
    text: cleanText(p.text),
    lang: cleanNullableText(p.lang),
    url: safeLink(cleanNullableText(p.url)),
    replyToExternalId: cleanNullableText(p.replyToExternalId),
    replyToAuthorExternalId: cleanNullableText(p.replyToAuthorExternalId),
    repostOfExternalId: cleanNullableText(p.repostOfExternalId),
    quoteOfExternalId: cleanNullableText(p.quoteOfExternalId),
    hashtags: p.hashtags.map(cleanText).filter((h) => h !== ''),
    mentions: p.mentions.map((m) => ({ externalId: cleanNullableText(m.externalId), handle: cleanText(m.handle) })),
    links,
  }
}

export function cleanFollow(f: NormalizedFollow): NormalizedFollow {
  return { network: cleanText(f.network), followerExternalId: cleanText(f.followerExternalId), followeeExternalId: cleanText(f.followeeExternalId) }
}

export function cleanBatch(batch: CollectedBatch): CollectedBatch {
  return { posts: batch.posts.map(cleanPost), accounts: batch.accounts.map(cleanAccount) }
}
