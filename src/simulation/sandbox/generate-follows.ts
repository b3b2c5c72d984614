// Follower graph by preferential attachment inside each (community, network) pool: a newcomer
// follows accounts in proportion to their followers + 1 (Price's model), which yields the
// heavy-tailed in-degrees of real networks. Hubs join first with a head start, bridges split
// their follows between two communities, and everyone else strays out of their community
// now and then. Follows never cross networks.
import { COMMUNITIES } from './content/catalog.ts'
import { Rng } from './rng.ts'
import type { Adjacency, FollowEdges, SandboxAccount } from './types.ts'

const CROSS_COMMUNITY_RATE = 0.06
const BRIDGE_CROSS_RATE = 0.45
const FOLLOW_BACK_RATE = 0.12

interface Pool {
  /** One entry per account + one per follower it has: uniform picks are preferential. */
  tokens: number[]
  size: number
}

export function generateFollows(seedHash: number, accounts: SandboxAccount[]): FollowEdges {
  const rng = new Rng(seedHash ^ 0xf011)
  const pools = new Map<string, Pool>()
  const poolOf = (community: number, network: string): Pool => {
    const key = `${community}/${network}`
    let pool = pools.get(key)
    if (!pool) pools.set(key, (pool = { tokens: [], size: 0 }))
    return pool
  }
  const finalSize = new Map<string, number>()
  for (const a of accounts) finalSize.set(`${a.community}/${a.network}`, (finalSize.get(`${a.community}/${a.network}`) ?? 0) + 1)

  const following: number[][] = accounts.map(() => [])
  const follower: number[] = []
  const followee: number[] = []
  const addEdge = (from: number, to: number): boolean => {
    if (from === to || following[from].includes(to)) return false
    following[from].push(to)
    follower.push(from)
    followee.push(to)
    const target = accounts[to]
    poolOf(target.community, target.network).tokens.push(to)
    return true
  }
  const pickTarget = (u: SandboxAccount): number => {
    let community = u.community
    if (u.role === 'bridge' && rng.chance(BRIDGE_CROSS_RATE)) community = u.secondCommunity
    else if (rng.chance(CROSS_COMMUNITY_RATE)) community = rng.int(COMMUNITIES.length)
    const pool = pools.get(`${community}/${u.network}`)
    if (!pool || pool.tokens.length === 0) return -1
    return pool.tokens[rng.int(pool.tokens.length)]
  }
  const followSome = (u: SandboxAccount, wanted: number): void => {
    for (let tries = 0; wanted > 0 && tries < wanted * 4 + 8; tries++) {
      const v = pickTarget(u)
      if (v < 0 || !addEdge(u.index, v)) continue
      wanted--
      const target = accounts[v]
      if (target.role !== 'hub' && rng.chance(FOLLOW_BACK_RATE)) addEdge(v, u.index)
    }
  }

  const desired = accounts.map((a) => {
    const cap = Math.max(2, Math.floor((finalSize.get(`${a.community}/${a.network}`) ?? 2) * 0.5))
    const base = a.role === 'hub' ? 30 + rng.int(30) : a.role === 'bridge' ? 40 + rng.int(40) : rng.logNormal(12, 0.8)
    return Math.max(2, Math.min(400, cap, Math.round(base)))
  })
  const order = joinOrder(rng, accounts)
  for (const index of order) {
    const account = accounts[index]
    const pool = poolOf(account.community, account.network)
    const boost = account.role === 'hub' ? Math.max(20, Math.round((finalSize.get(`${account.community}/${account.network}`) ?? 0) * 0.04)) : 1
    for (let b = 0; b < boost; b++) pool.tokens.push(index)
    pool.size++
    followSome(account, Math.min(desired[index], pool.size - 1))
  }
  // Early joiners could only pick among the few accounts already there: top them up.
  for (const index of order) {
    const missing = desired[index] - following[index].length
    if (missing > 0) followSome(accounts[index], missing)
  }
  return buildFollowEdges(accounts.length, Int32Array.from(follower), Int32Array.from(followee))
}

/** Hubs first (they are the planted early, central accounts), then everyone in random order. */
function joinOrder(rng: Rng, accounts: SandboxAccount[]): number[] {
  const hubs = accounts.filter((a) => a.role === 'hub').map((a) => a.index)
  const rest = accounts.filter((a) => a.role !== 'hub').map((a) => a.index)
  for (let i = rest.length - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    ;[rest[i], rest[j]] = [rest[j], rest[i]]
  }
  return [...hubs, ...rest]
}

/** For each node, the indices of the entries whose key is that node, in entry order (CSR). */
export function buildAdjacency(nodeCount: number, keys: Int32Array): Adjacency {
  const offsets = new Int32Array(nodeCount + 1)
  for (let e = 0; e < keys.length; e++) offsets[keys[e] + 1]++
  for (let n = 0; n < nodeCount; n++) offsets[n + 1] += offsets[n]
  const cursor = offsets.slice(0, nodeCount)
  const edges = new Int32Array(keys.length)
  for (let e = 0; e < keys.length; e++) edges[cursor[keys[e]]++] = e
  return { offsets, edges }
}

export function buildFollowEdges(nodeCount: number, follower: Int32Array, followee: Int32Array): FollowEdges {
  return {
    count: follower.length,
    follower,
    followee,
    out: buildAdjacency(nodeCount, follower),
    in: buildAdjacency(nodeCount, followee),
  }
}
