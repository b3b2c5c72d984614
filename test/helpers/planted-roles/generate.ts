import { createPrng, type Prng } from '../../../src/graph/prng.ts'

// A stochastic block model with planted roles, written apart from the sandbox so that scoring is
// judged on a second, unrelated simulator. Communities are blocks of one network each (follows
// never cross networks, as on the real ones); inside a block people follow each other with
// probability `pIn`, across blocks of the same network with `pOut`. Then roles are planted:
//   hub       very active on the topic, followed by most of its block, reposted and answered
//   bridge    belongs to two blocks of one network, follows both, passes content between them
//   star      off-topic celebrity: never posts on the topic, followed by most of the network
//   spammer   stuffs the topic's hashtag many times a day; nobody follows, answers or reposts
// The output is NDJSON interchange records, so it goes in through `relais import` as any file.

export type PlantedRole = 'hub' | 'bridge' | 'star' | 'spammer' | 'member'

export interface PlantedAccount { id: string; network: string; handle: string; role: PlantedRole; block: number; secondBlock: number }
export interface PlantedRolesOptions {
  seed: number
  /** Blocks per network. */
  blocksPerNetwork?: number
  networks?: string[]
  blockSize?: number
  pIn?: number
  pOut?: number
  now?: Date
}
export interface PlantedRoles {
  records: Record<string, unknown>[]
  accounts: PlantedAccount[]
  /** The topic's query and the hashtag each block writes besides it. */
  query: string
  blockTags: string[]
  now: Date
  brand: PlantedAccount
}

const DAY = 86_400_000
const BLOCK_TAGS = ['cargobike', 'velotaf', 'pistecyclable', 'velorution', 'bikepacking', 'gravel', 'tandem', 'fixie']
const OFF_TOPIC = ['recette du jour', 'mon match de ce soir', 'nouvelle chanson', 'photo du chat']

export function generatePlantedRoles(options: PlantedRolesOptions): PlantedRoles {
  const rng = createPrng(options.seed)
  const networks = options.networks ?? ['mastodon', 'bluesky']
  const perNetwork = options.blocksPerNetwork ?? 2
  const size = options.blockSize ?? 40
  const pIn = options.pIn ?? 0.15
  const pOut = options.pOut ?? 0.004
  const now = options.now ?? new Date('2026-11-20T12:00:00Z')
  // Collected content is shared by all workspaces: each seed writes under a domain of its own.
  const domain = `blocks${options.seed}.example`
  const accounts: PlantedAccount[] = []
  const add = (network: string, role: PlantedRole, block: number, secondBlock = -1): PlantedAccount => {
    const id = `${role}${accounts.length}`
    const a = { id: network === 'mastodon' ? `${id}@${domain}` : `did:plc:${domain.replace(/\W/g, '')}${accounts.length}`, network, handle: network === 'mastodon' ? `${id}@${domain}` : `${id}.${domain}`, role, block, secondBlock }
    accounts.push(a)
    return a
  }
  const blockCount = networks.length * perNetwork
  const networkOf = (b: number) => networks[Math.floor(b / perNetwork)]
  for (let b = 0; b < blockCount; b++) {
    for (let i = 0; i < size; i++) add(networkOf(b), i < 2 ? 'hub' : 'member', b)
  }
  for (let b = 0; b < blockCount; b++) if (b % perNetwork < perNetwork - 1) add(networkOf(b), 'bridge', b, b + 1)
  for (const network of networks) add(network, 'star', -1)
  for (let s = 0; s < 3; s++) add(networks[s % networks.length], 'spammer', -1)
  const brand = add(networks[0], 'member', -2)

  const records: Record<string, unknown>[] = []
  const follows = new Set<string>()
  const follow = (u: PlantedAccount, v: PlantedAccount) => {
    const key = `${u.id} ${v.id}`
    if (u === v || u.network !== v.network || follows.has(key)) return
    follows.add(key)
    records.push({ type: 'follow', network: u.network, followerId: u.id, followeeId: v.id })
  }
  const inBlock = (a: PlantedAccount, b: number) => a.block === b || a.secondBlock === b
  const people = accounts.filter((a) => a.role === 'member' || a.role === 'hub' || a.role === 'bridge').filter((a) => a.block >= 0)
  for (const u of people) {
    for (const v of people) {
      if (u.network !== v.network) continue
      const together = [u.block, u.secondBlock].some((b) => b >= 0 && inBlock(v, b))
      const p = v.role === 'hub' && inBlock(u, v.block) ? 0.75 : together ? pIn : pOut
      if (rng.next() < p) follow(u, v)
    }
  }
  for (const star of accounts.filter((a) => a.role === 'star')) for (const u of people) if (u.network === star.network && rng.next() < 0.6) follow(u, star)
  for (const spammer of accounts.filter((a) => a.role === 'spammer')) for (let k = 0; k < 30; k++) follow(spammer, pick(rng, people))
  for (const hub of accounts.filter((a) => a.role === 'hub' && a.block === 0)) follow(brand, hub)

  const followers = new Map<string, number>()
  for (const key of follows) { const v = key.split(' ')[1]; followers.set(v, (followers.get(v) ?? 0) + 1) }
  for (const a of accounts) {
    // Stars' audiences are mostly outside the topic: their network reports far more followers.
    const count = (followers.get(a.id) ?? 0) + (a.role === 'star' ? 250_000 : 0)
    records.push({ type: 'account', network: a.network, id: a.id, handle: a.handle, displayName: a.id, bio: bioOf(a), followersCount: count, followingCount: 0, postsCount: 0 })
  }
  let seq = 0
  const topicPosts: { id: string; author: PlantedAccount }[] = []
  const post = (author: PlantedAccount, text: string, extra: Record<string, unknown> = {}) => {
    const id = `${author.network === 'mastodon' ? `https://${domain}/s/` : `at://${domain}/`}${++seq}`
    records.push({ type: 'post', network: author.network, id, authorId: author.id, createdAt: new Date(now.getTime() - rng.next() * 7 * DAY).toISOString(), text, lang: 'fr', likes: 0, reposts: 0, replies: 0, ...extra })
    return id
  }
  const tagOf = (a: PlantedAccount) => BLOCK_TAGS[(a.secondBlock >= 0 && rng.next() < 0.5 ? a.secondBlock : a.block) % BLOCK_TAGS.length]
  for (const a of accounts) {
    const count = a.role === 'hub' ? 12 + rng.nextInt(8) : a.role === 'bridge' ? 3 + rng.nextInt(3) : a.role === 'spammer' ? 70 : a.role === 'member' ? 1 + rng.nextInt(3) : 0
    for (let k = 0; k < count; k++) {
      const text = a.role === 'spammer' ? `#velo #velo promo ${k} #velo` : `Sortie #velo #${tagOf(a)} numéro ${k}`
      const likes = a.role === 'hub' ? 20 + rng.nextInt(30) : a.role === 'spammer' ? 0 : rng.nextInt(6)
      topicPosts.push({ id: post(a, text, { likes }), author: a })
    }
    if (a.role === 'star') for (let k = 0; k < 30; k++) post(a, `${OFF_TOPIC[k % OFF_TOPIC.length]} ${k}`, { likes: 800 + rng.nextInt(400) })
  }
  // Passing content on: people repost and answer what they see from those they follow, hubs
  // most; bridges repost from both of their blocks. Stars get the odd on-topic mention.
  const seen = (u: PlantedAccount) => topicPosts.filter((p) => p.author !== u && follows.has(`${u.id} ${p.author.id}`) && p.author.role !== 'spammer')
  for (const u of people) {
    const visible = seen(u)
    if (visible.length === 0) continue
    const hubFirst = visible.filter((p) => p.author.role === 'hub')
    const reposts = u.role === 'bridge' ? 10 + rng.nextInt(6) : u.role === 'hub' ? rng.nextInt(2) : rng.nextInt(3)
    for (let k = 0; k < reposts; k++) {
      const from = u.role === 'bridge' ? visible : rng.next() < 0.7 && hubFirst.length ? hubFirst : visible
      const target = pick(rng, from)
      post(u, '', { repostOf: target.id })
    }
    if (u.role === 'member' && rng.next() < 0.5) {
      const target = pick(rng, hubFirst.length ? hubFirst : visible)
      post(u, `Bien vu ! #velo`, { replyTo: target.id })
    }
    if (u.role === 'member' && rng.next() < 0.1) {
      const star = accounts.find((a) => a.role === 'star' && a.network === u.network)!
      post(u, `@${star.handle} tu devrais essayer le #velo`)
    }
  }
  countEngagement(records)
  return { records, accounts, query: '#velo', blockTags: BLOCK_TAGS, now, brand }
}

function bioOf(a: PlantedAccount): string {
  if (a.role === 'star') return 'Chanteuse, cuisinière, star du petit écran'
  if (a.role === 'spammer') return 'Meilleurs prix'
  return `Cycliste du quartier ${BLOCK_TAGS[a.block % BLOCK_TAGS.length] ?? 'marque'}`
}

/** Replies and reposts counted onto the posts they answer or pass on, as a network reports them. */
function countEngagement(records: Record<string, unknown>[]) {
  const byId = new Map(records.filter((r) => r.type === 'post').map((r) => [r.id as string, r]))
  for (const r of byId.values()) {
    const parent = byId.get((r.repostOf ?? r.replyTo) as string)
    if (!parent) continue
    if (r.repostOf) parent.reposts = (parent.reposts as number) + 1
    else parent.replies = (parent.replies as number) + 1
  }
}

const pick = <T>(rng: Prng, items: T[]): T => items[rng.nextInt(items.length)]
