/**
 * One person seen on two networks, as far as the collected data shows it: Bridgy Fed mirrors a
 * Bluesky account on the fediverse as `handle@bsky.brid.gy` and a fediverse account on Bluesky as
 * `user.instance.ap.brid.gy`. (A Mastodon profile field verified with rel=me would also do, but
 * profile fields are not collected, so it is not used.)
 */
export interface SamePerson { a: number; b: number; via: 'bridgy-fed' }

/** Pairs of nodes that are one person, given each node's network and handle. */
export function samePersonPairs(networks: readonly string[], handles: readonly string[]): SamePerson[] {
  const byKey = new Map<string, number>()
  handles.forEach((h, v) => byKey.set(`${networks[v]} ${h.toLowerCase()}`, v))
  const pairs: SamePerson[] = []
  handles.forEach((raw, v) => {
    const handle = raw.toLowerCase().replace(/^@/, '')
    let twin: number | undefined
    const bridgedFromBluesky = /^(.+)@bsky\.brid\.gy$/.exec(handle)
    if (networks[v] === 'mastodon' && bridgedFromBluesky) twin = byKey.get(`bluesky ${bridgedFromBluesky[1]}`)
    const bridgedFromFediverse = /^([^.]+)\.(.+)\.ap\.brid\.gy$/.exec(handle)
    if (networks[v] === 'bluesky' && bridgedFromFediverse) twin = byKey.get(`mastodon ${bridgedFromFediverse[1]}@${bridgedFromFediverse[2]}`)
    if (twin !== undefined && twin !== v) pairs.push({ a: twin, b: v, via: 'bridgy-fed' })
  })
  return pairs
}
