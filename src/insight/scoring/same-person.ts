/**
 * One person seen on two networks, as far as the collected data shows it:
 * - `bridgy-fed`: Bridgy Fed mirrors a Bluesky account on the fediverse as `handle@bsky.brid.gy`
 *   and a fediverse account on Bluesky as `user.instance.ap.brid.gy`;
 * - `rel-me`: a Mastodon profile field the instance verified (the linked page links back with
 *   rel="me") points at the Bluesky profile (`https://bsky.app/profile/<handle>`) or at the root of
 *   the domain that is the Bluesky handle (`https://alice.example` for `alice.example`: holding
 *   that domain is what a domain handle proves). A link below a domain's root proves only a page
 *   on it (`https://medium.com/@alice` says nothing of the account `medium.com`), so it links
 *   nothing. Profile links by DID are not read: the graph knows accounts by handle here.
 */
export type SamePersonVia = 'bridgy-fed' | 'rel-me'
export interface SamePerson { a: number; b: number; via: SamePersonVia }

/**
 * Pairs of nodes that are one person, given each node's network and handle and, for some nodes,
 * the links their network verified as theirs. A node is paired at most once (Bridgy Fed first).
 */
export function samePersonPairs(networks: readonly string[], handles: readonly string[], verifiedLinks: ReadonlyMap<number, readonly string[]> = new Map()): SamePerson[] {
  const byKey = new Map<string, number>()
  handles.forEach((h, v) => byKey.set(`${networks[v]} ${h.toLowerCase().replace(/^@/, '')}`, v))
  const pairs: SamePerson[] = []
  const paired = new Set<number>()
  const link = (a: number | undefined, b: number, via: SamePersonVia) => {
    if (a === undefined || a === b || paired.has(a) || paired.has(b)) return
    pairs.push({ a, b, via })
    paired.add(a).add(b)
  }
  handles.forEach((raw, v) => {
    const handle = raw.toLowerCase().replace(/^@/, '')
    const bridgedFromBluesky = /^(.+)@bsky\.brid\.gy$/.exec(handle)
    if (networks[v] === 'mastodon' && bridgedFromBluesky) link(byKey.get(`bluesky ${bridgedFromBluesky[1]}`), v, 'bridgy-fed')
    const bridgedFromFediverse = /^([^.]+)\.(.+)\.ap\.brid\.gy$/.exec(handle)
    if (networks[v] === 'bluesky' && bridgedFromFediverse) link(byKey.get(`mastodon ${bridgedFromFediverse[1]}@${bridgedFromFediverse[2]}`), v, 'bridgy-fed')
  })
  for (const [v, links] of verifiedLinks) {
    if (networks[v] !== 'mastodon') continue
    for (const url of links) {
      const handle = blueskyHandleOf(url)
      if (handle !== null) link(byKey.get(`bluesky ${handle}`), v, 'rel-me')
    }
  }
  return pairs
}

/** The Bluesky handle a verified link names, or null: a bsky.app profile, or a domain's root. */
function blueskyHandleOf(url: string): string | null {
  let parsed: URL
  try { parsed = new URL(url) } catch { return null }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null
  const host = parsed.hostname.toLowerCase()
  if (host === 'bsky.app') {
    const profile = /^\/profile\/([^/]+)\/?$/.exec(parsed.pathname)
    return profile && !profile[1].startsWith('did:') ? decodeURIComponent(profile[1]).toLowerCase() : null
  }
  if ((parsed.pathname === '/' || parsed.pathname === '') && !parsed.search && host.includes('.')) return host.replace(/^www\./, '')
  return null
}
