import type { CollectedBatch, NormalizedAccount, NormalizedFollow, NormalizedPost } from '../networks/model.ts'
import { cleanNullableText, cleanText } from '../shared/clean-text.ts'
import { safeLink } from '../shared/safe-link.ts'

// Everything collected or imported passes here before it is enriched or stored: strings lose
// what PostgreSQL cannot store (shared/clean-text.ts), and URLs that are not http(s) are dropped.

export function cleanAccount(a: NormalizedAccount): NormalizedAccount {
  return {
    ...a,
    network: cleanText(a.network),
    externalId: cleanText(a.externalId),
    handle: cleanText(a.handle),
    displayName: cleanNullableText(a.displayName),
    bio: cleanNullableText(a.bio),
    url: safeLink(cleanNullableText(a.url)),
  }
}

export function cleanPost(p: NormalizedPost): NormalizedPost {
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
