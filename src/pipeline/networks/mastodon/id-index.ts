// Mastodon ids (`in_reply_to_id`, `in_reply_to_account_id`, ShallowQuote `quoted_status_id`) are
// local to the instance, while Relais keys posts by ActivityPub `uri` and accounts by `user@domain`.
// This index remembers every pairing the connector has seen so references can be translated.
import { acctId } from './acct.ts'
import type { MastodonAccount, MastodonAnyStatus } from './schemas.ts'

/** Bounded so a long-running worker does not grow without limit; old pairings are re-learnt. */
const MAX_ENTRIES = 100_000

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.has(key)) map.delete(key)
  map.set(key, value)
  if (map.size > MAX_ENTRIES) {
    const oldest = map.keys().next()
    if (oldest.done !== true) map.delete(oldest.value)
  }
}

export class MastodonIdIndex {
  private readonly statusUris = new Map<string, string | null>()
  private readonly statusIds = new Map<string, string>()
  private readonly accountIds = new Map<string, string>()

  constructor(private readonly localDomain: string) {}

  learnAccount(account: Pick<MastodonAccount, 'id' | 'acct'>): void {
    remember(this.accountIds, account.id, acctId(account.acct, this.localDomain))
  }

  learnStatus(status: MastodonAnyStatus & { reblog?: MastodonAnyStatus | null }): void {
    remember(this.statusUris, status.id, status.uri)
    remember(this.statusIds, status.uri, status.id)
    this.learnAccount(status.account)
    for (const mention of status.mentions ?? []) this.learnAccount(mention)
    if (status.reblog) this.learnStatus(status.reblog)
    const quoted = status.quote !== null && status.quote !== undefined && 'quoted_status' in status.quote ? status.quote.quoted_status : null
    if (quoted) this.learnStatus(quoted)
  }

  /** Records that a local status id is gone (deleted, or not visible), so it is not asked for again. */
  learnMissingStatus(id: string): void {
    remember(this.statusUris, id, null)
  }

  hasStatus(id: string): boolean {
    return this.statusUris.has(id)
  }

  statusUri(id: string | null | undefined): string | null {
    return id === null || id === undefined ? null : (this.statusUris.get(id) ?? null)
  }

  /** The instance's own id of a status known by its `uri`, when the connector has seen it. */
  statusId(uri: string): string | null {
    return this.statusIds.get(uri) ?? null
  }

  accountId(id: string | null | undefined): string | null {
    return id === null || id === undefined ? null : (this.accountIds.get(id) ?? null)
  }
}
