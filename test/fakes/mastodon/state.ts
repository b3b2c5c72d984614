// The fake instance's data: seed records kept in id order, with lookups the routes need.
import type { FakeMastodonAccount, FakeMastodonFollow, FakeMastodonSeed, FakeMastodonStatus } from './seed.ts'

/** Records in server id order (oldest first) with each id's position, for id comparisons. */
export class OrderedRecords<T extends { id: string }> {
  readonly items: T[] = []
  private readonly positions = new Map<string, number>()

  add(item: T): void {
    if (this.positions.has(item.id)) throw new Error(`fake: duplicate id ${item.id}`)
    this.positions.set(item.id, this.items.length)
    this.items.push(item)
  }

  get(id: string): T | undefined {
    const position = this.positions.get(id)
    return position === undefined ? undefined : this.items[position]
  }

  /**
   * Puts an item in the order just before `beforeId`, as Mastodon does for a status it receives
   * late: its id is made from its creation date, so it sorts among older ones.
   */
  insertBefore(item: T, beforeId: string): void {
    if (this.positions.has(item.id)) throw new Error(`fake: duplicate id ${item.id}`)
    const at = this.positions.get(beforeId)
    if (at === undefined) throw new Error(`fake: unknown id ${beforeId}`)
    this.items.splice(at, 0, item)
    this.items.forEach((record, position) => this.positions.set(record.id, position))
  }

  /** Where an id sits in the order; undefined for an id this server never issued. */
  position(id: string): number | undefined {
    return this.positions.get(id)
  }
}

/** What the instance pushes on its streams when its data changes. */
export type FakeMastodonChange =
  | { event: 'update' | 'status.update'; status: FakeMastodonStatus }
  | { event: 'delete'; status: FakeMastodonStatus }

export class FakeMastodonState {
  readonly accounts = new Map<string, FakeMastodonAccount>()
  readonly statuses = new OrderedRecords<FakeMastodonStatus>()
  readonly follows = new OrderedRecords<FakeMastodonFollow>()
  readonly tokens: Set<string>
  /** Token → the local account it belongs to. */
  readonly tokenOwners: Map<string, string>
  readonly batchStatusLookup: boolean
  /** LOCAL_DOMAIN where set apart from the web host (see the seed). */
  readonly localDomain: string | undefined
  readonly instanceV2: boolean
  /** Bumped on every change, so derived indexes know when to rebuild. */
  version = 0
  /** Told of every status posted, edited or deleted after the seed (the streaming server listens). */
  readonly listeners = new Set<(change: FakeMastodonChange) => void>()

  constructor(seed: FakeMastodonSeed) {
    for (const account of seed.accounts) this.addAccount(account)
    for (const status of seed.statuses ?? []) this.addStatus(status)
    for (const follow of seed.follows ?? []) this.addFollow(follow)
    this.tokens = new Set([...(seed.tokens ?? []), ...Object.keys(seed.tokenOwners ?? {})])
    this.tokenOwners = new Map(Object.entries(seed.tokenOwners ?? {}))
    this.batchStatusLookup = seed.batchStatusLookup ?? true
    this.localDomain = seed.localDomain?.toLowerCase()
    this.instanceV2 = seed.instanceV2 ?? true
  }

  addAccount(account: FakeMastodonAccount): void {
    this.accounts.set(account.id, account)
    this.version++
  }

  /** Appends a status: it becomes the newest. */
  addStatus(status: FakeMastodonStatus): void {
    if (!this.accounts.has(status.accountId)) throw new Error(`fake: unknown account ${status.accountId}`)
    this.statuses.add(status)
    this.version++
    this.tell({ event: 'update', status })
  }

  /** A status fetched late (federation, backfill): older id and date than statuses already served. */
  addLateStatus(status: FakeMastodonStatus, beforeId: string): void {
    if (!this.accounts.has(status.accountId)) throw new Error(`fake: unknown account ${status.accountId}`)
    this.statuses.insertBefore(status, beforeId)
    this.version++
    this.tell({ event: 'update', status })
  }

  /** The author edits a status: new text, `edited_at` set, pushed as `status.update`. */
  editStatus(id: string, text: string, editedAt = new Date().toISOString()): void {
    const status = this.statuses.get(id)
    if (status === undefined) throw new Error(`fake: unknown status ${id}`)
    status.text = text
    status.editedAt = editedAt
    this.version++
    this.tell({ event: 'status.update', status })
  }

  private tell(change: FakeMastodonChange): void {
    for (const listener of this.listeners) listener(change)
  }

  addFollow(follow: FakeMastodonFollow): void {
    this.follows.add(follow)
    this.version++
  }

  deleteStatus(id: string): void {
    const status = this.statuses.get(id)
    if (status) status.deleted = true
    this.version++
    if (status) this.tell({ event: 'delete', status })
  }

  /** Visible to anonymous readers: public or unlisted, not deleted. */
  visible(status: FakeMastodonStatus): boolean {
    return status.deleted !== true && (status.visibility ?? 'public') !== 'private' && status.visibility !== 'direct'
  }

  /** `user` or `user@domain`; the instance's own accounts answer to its account domain only (TagManager#local_domain?), not to a web host set apart from it. */
  findByAcct(acct: string, localHost: string): FakeMastodonAccount | undefined {
    const bare = acct.replace(/^@/, '').toLowerCase()
    const [username, domain] = bare.split('@')
    const local = domain === undefined || domain === (this.localDomain ?? localHost.toLowerCase())
    const wantedDomain = local ? undefined : domain
    for (const account of this.accounts.values()) {
      if (account.username.toLowerCase() === username && account.domain?.toLowerCase() === wantedDomain) return account
    }
    return undefined
  }
}
