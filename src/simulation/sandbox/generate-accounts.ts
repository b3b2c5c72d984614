// Accounts: community, network, names, languages, activity, and the planted hubs and bridges.
import { BLUESKY_HANDLE_SUFFIX, COMMUNITIES } from './content/catalog.ts'
import { LANGUAGE_PACKS } from './content/languages.ts'
import { makeDid } from './ids.ts'
import { Rng } from './rng.ts'
import { LANGUAGES, type Language, type SandboxAccount, type SandboxNetwork } from './types.ts'

const DAY_MS = 86_400_000
const HUBS_PER_POOL = 3

function foldAscii(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '')
}

function pickLanguage(rng: Rng, mix: Partial<Record<Language, number>>): Language {
  return LANGUAGES[rng.weighted(LANGUAGES.map((lang) => mix[lang] ?? 0))]
}

function pickKey(rng: Rng, shares: Record<string, number>): string {
  const keys = Object.keys(shares)
  return keys[rng.weighted(keys.map((key) => shares[key]))]
}

function uniqueUsername(rng: Rng, first: string, last: string, taken: Set<string>): string {
  const base = rng.chance(0.5) ? foldAscii(first) + foldAscii(last) : foldAscii(first) + foldAscii(last).slice(0, 1)
  let candidate = base
  while (taken.has(candidate)) candidate = base + String(rng.int(rng.chance(0.5) ? 100 : 10_000))
  taken.add(candidate)
  return candidate
}

export function generateAccounts(seedHash: number, count: number, now: Date, days: number): SandboxAccount[] {
  const rng = new Rng(seedHash ^ 0xacc0)
  const taken: Record<SandboxNetwork, Set<string>> = { mastodon: new Set(), bluesky: new Set() }
  const accounts: SandboxAccount[] = []
  for (let index = 0; index < count; index++) {
    const communityIndex = rng.weighted(COMMUNITIES.map((c) => c.weight))
    const community = COMMUNITIES[communityIndex]
    const network: SandboxNetwork = rng.chance(community.mastodonShare) ? 'mastodon' : 'bluesky'
    const primary = pickLanguage(rng, community.languages)
    const languages: Language[] = [primary]
    if (rng.chance(0.25)) languages.push(primary === 'en' ? 'fr' : 'en')
    const pack = LANGUAGE_PACKS[primary]
    const first = rng.pick(pack.firstNames)
    const last = rng.pick(pack.lastNames)
    const username = uniqueUsername(rng, first, last, taken[network])
    const instance = network === 'mastodon' ? pickKey(rng, community.instances) : null
    const vocabulary = pack.topics[community.topic ?? 'chatter']
    accounts.push({
      index,
      network,
      instance,
      username,
      handle: instance ? `${username}@${instance}` : `${username}.${BLUESKY_HANDLE_SUFFIX}`,
      did: network === 'bluesky' ? makeDid(seedHash, index) : null,
      displayName: `${first} ${last}`,
      bio: `${rng.pick(vocabulary.bios)} — simulated account (Relais sandbox)`,
      community: communityIndex,
      secondCommunity: -1,
      languages,
      utcOffset: rng.pick(community.utcOffsets),
      role: 'member',
      bot: rng.chance(0.01),
      hideCollections: rng.chance(0.01),
      createdAt: new Date(Math.floor(now.getTime() / DAY_MS - days - 1 - rng.int(1500)) * DAY_MS),
      activity: Math.min(20, rng.logNormal(community.topic ? 0.34 : 0.25, 1.1)),
    })
  }
  plantRoles(rng, accounts)
  return accounts
}

/** Hubs: a few very active, topical accounts per (community, network); bridges: a few per community. */
function plantRoles(rng: Rng, accounts: SandboxAccount[]): void {
  const pools = new Map<string, SandboxAccount[]>()
  for (const account of accounts) {
    const key = `${account.community}/${account.network}`
    const pool = pools.get(key) ?? []
    pool.push(account)
    pools.set(key, pool)
  }
  for (const pool of pools.values()) {
    if (COMMUNITIES[pool[0].community].topic === null || pool.length < 20) continue
    for (let h = 0; h < HUBS_PER_POOL; h++) {
      const hub = pool[h * Math.floor(pool.length / HUBS_PER_POOL)]
      hub.role = 'hub'
      hub.activity = 3 + rng.next() * 4
      hub.bot = false
      hub.hideCollections = false
    }
  }
  const bridgeCount = Math.max(6, Math.round(accounts.length * 0.004))
  for (let attempts = 0, planted = 0; planted < bridgeCount && attempts < bridgeCount * 50; attempts++) {
    const account = accounts[rng.int(accounts.length)]
    if (account.role !== 'member') continue
    const other = rng.int(COMMUNITIES.length)
    if (other === account.community || !pools.has(`${other}/${account.network}`)) continue
    account.role = 'bridge'
    account.secondCommunity = other
    account.activity = 1.5 + rng.next() * 1.5
    account.bot = false
    account.hideCollections = false
    planted++
  }
}
