import type { NormalizedAccount } from '../model.ts'
import { htmlToText } from '../html-to-text.ts'
import { acctHandle } from './acct.ts'
import type { MastodonAccount } from './schemas.ts'

export function normalizeMastodonAccount(account: MastodonAccount, localDomain: string): NormalizedAccount {
  const handle = acctHandle(account.acct, localDomain)
  const bio = account.note ? htmlToText(account.note).text : ''
  return {
    network: 'mastodon',
    externalId: handle.toLowerCase(),
    handle,
    displayName: account.display_name ? account.display_name : null,
    bio: bio.length > 0 ? bio : null,
    url: account.url ?? null,
    followersCount: account.followers_count ?? null,
    followingCount: account.following_count ?? null,
    postsCount: account.statuses_count ?? null,
    ...(account.fields && { verifiedLinks: verifiedLinks(account.fields) }),
  }
}

/** The links of the profile fields the instance verified (rel=me), as written in their anchors. */
function verifiedLinks(fields: NonNullable<MastodonAccount['fields']>): string[] {
  const links: string[] = []
  for (const field of fields) {
    if (!field.verified_at) continue
    const { text, anchors } = htmlToText(field.value)
    const candidates = anchors.length > 0 ? anchors.map((a) => a.href) : [text.trim()]
    for (const link of candidates) if (/^https?:\/\//i.test(link) && !links.includes(link)) links.push(link)
  }
  return links
}
