// What the server knows at the current sandbox time: which posts exist yet, who is who, and
// what each Mastodon instance has seen. Indexes are built lazily and cached.
import { PostKind, type SandboxData } from '../types.ts'
import { countsAt, deliveryDelayMs, type CountsNow } from './arrival-and-growth.ts'

const HOUR_MS = 3_600_000

/** Number of sorted values ≤ limit. */
export function upperBound(values: ArrayLike<number>, limit: number, from = 0, to = values.length): number {
  let lo = from
  let hi = to
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (values[mid] <= limit) lo = mid + 1
    else hi = mid
  }
  return lo
}

export class SandboxView {
  readonly data: SandboxData
  private nowMs: number
  private visible: number
  private masks: Uint8Array | null = null
  private byHandle: Map<string, number> | null = null
  private readonly tagLists = new Map<string, Int32Array>()
  private readonly searchCache = new Map<string, Int32Array>()
  private readonly children = new Map<number, Map<number, number[]>>()

  constructor(data: SandboxData) {
    this.data = data
    this.nowMs = data.now.getTime()
    this.visible = upperBound(data.posts.createdAt, this.nowMs)
  }

  get now(): Date {
    return new Date(this.nowMs)
  }

  /** Posts [0, visibleCount) exist at the current sandbox time. */
  get visibleCount(): number {
    return this.visible
  }

  advance(hours: number): void {
    if (!(hours >= 0)) throw new RangeError('hours must be ≥ 0')
    this.nowMs += hours * HOUR_MS
    this.visible = upperBound(this.data.posts.createdAt, this.nowMs)
  }

  instanceIndex(domain: string): number {
    return this.data.instances.indexOf(domain.toLowerCase())
  }

  /**
   * Per account, a bit per Mastodon instance that knows it: its home, and every instance where
   * someone follows it (federation delivers its posts there).
   */
  private knownMasks(): Uint8Array {
    if (this.masks) return this.masks
    const { accounts, follows } = this.data
    const homeBits = new Uint8Array(accounts.length)
    for (const account of accounts) if (account.instance) homeBits[account.index] = 1 << this.instanceIndex(account.instance)
    const masks = homeBits.slice()
    for (let e = 0; e < follows.count; e++) masks[follows.followee[e]] |= homeBits[follows.follower[e]]
    this.masks = masks
    return masks
  }

  /** Whether posts of this account reach the given instance. */
  knowsAuthor(instance: number, account: number): boolean {
    return (this.knownMasks()[account] & (1 << instance)) !== 0
  }

  isLocal(instance: number, account: number): boolean {
    return this.data.accounts[account].instance === this.data.instances[instance]
  }

  /**
   * Whether a post has reached the instance by now: its author is known there, and a remote
   * post delivered late (arrival-and-growth.ts) has arrived.
   */
  delivered(instance: number, post: number): boolean {
    const author = this.data.posts.author[post]
    if (!this.knowsAuthor(instance, author)) return false
    if (this.isLocal(instance, author)) return true
    return this.data.posts.createdAt[post] + deliveryDelayMs(this.data, post, instance) <= this.nowMs
  }

  /** A post's engagement as of now (arrival-and-growth.ts). */
  countsNow(post: number): CountsNow {
    const children = { reposts: this.repostsOf(post).length, replies: this.repliesOf(post).length, quotes: this.childrenOf(post, PostKind.quote).length }
    return countsAt(this.data, post, this.nowMs, children)
  }

  /** Account by lower-cased handle (`user@instance`, `name.bsky.sandbox.example`) or DID. */
  findAccount(handleOrDid: string): number | null {
    if (!this.byHandle) {
      this.byHandle = new Map()
      for (const a of this.data.accounts) {
        this.byHandle.set(a.handle.toLowerCase(), a.index)
        if (a.did) this.byHandle.set(a.did, a.index)
      }
    }
    return this.byHandle.get(handleOrDid.toLowerCase()) ?? null
  }

  /** Non-repost posts carrying the tag and known to the instance, ascending (all times). */
  tagPosts(instance: number, tag: string): Int32Array {
    const key = `${instance}/${tag.toLowerCase()}`
    const cached = this.tagLists.get(key)
    if (cached) return cached
    const tagIndexes = this.data.hashtags.flatMap((t, n) => (t.toLowerCase() === tag.toLowerCase() ? [n] : []))
    const { posts } = this.data
    const found: number[] = []
    if (tagIndexes.length > 0) {
      for (let i = 0; i < posts.count; i++) {
        if (posts.kind[i] === PostKind.repost) continue
        if (!tagIndexes.includes(posts.tag0[i]) && !tagIndexes.includes(posts.tag1[i])) continue
        if (this.data.accounts[posts.author[i]].network === 'mastodon' && this.knowsAuthor(instance, posts.author[i])) found.push(i)
      }
    }
    const list = Int32Array.from(found)
    this.tagLists.set(key, list)
    return list
  }

  /** Memoised search results (all times, ascending); the caller filters by visibility. */
  cachedSearch(key: string, compute: () => Int32Array): Int32Array {
    const hit = this.searchCache.get(key)
    if (hit) return hit
    const result = compute()
    if (this.searchCache.size >= 64) this.searchCache.delete(this.searchCache.keys().next().value as string)
    this.searchCache.set(key, result)
    return result
  }

  /** Posts of an account visible now, as an ascending slice of post indexes. */
  authorPosts(account: number): Int32Array {
    const { offsets, posts } = this.data.postsByAuthor
    const from = offsets[account]
    const to = upperBound(posts, this.visible - 1, from, offsets[account + 1])
    return posts.subarray(from, to)
  }

  /** The reposts (or the replies) of a post visible now, ascending (the oldest first). */
  repostsOf(post: number): number[] {
    return this.childrenOf(post, PostKind.repost)
  }

  repliesOf(post: number): number[] {
    return this.childrenOf(post, PostKind.reply)
  }

  private childrenOf(post: number, kind: number): number[] {
    let index = this.children.get(kind)
    if (!index) {
      index = new Map()
      const { posts } = this.data
      for (let i = 0; i < posts.count; i++) {
        if (posts.kind[i] !== kind) continue
        const list = index.get(posts.parent[i]) ?? []
        list.push(i)
        index.set(posts.parent[i], list)
      }
      this.children.set(kind, index)
    }
    const all = index.get(post) ?? []
    return all.slice(0, upperBound(all, this.visible - 1))
  }

  followerCount(account: number): number {
    return this.data.follows.in.offsets[account + 1] - this.data.follows.in.offsets[account]
  }

  followingCount(account: number): number {
    return this.data.follows.out.offsets[account + 1] - this.data.follows.out.offsets[account]
  }
}
