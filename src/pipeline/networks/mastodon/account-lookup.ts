// Relais names Mastodon accounts `user@domain`; the REST API wants the instance-local id.
// `/api/v1/accounts/lookup` translates (and works without a token); answers are cached.
import { isConnectorError } from '../errors.ts'
import type { HttpClient } from '../http.ts'
import { lookupAcct } from './acct.ts'
import { mastodonAccountSchema, type MastodonAccount } from './schemas.ts'

export class MastodonAccountLookup {
  private readonly cache = new Map<string, MastodonAccount>()

  constructor(
    private readonly http: HttpClient,
    private readonly localDomain: string,
  ) {}

  /** The account as this instance knows it, or null when it does not know it. */
  async find(accountId: string, signal?: AbortSignal): Promise<MastodonAccount | null> {
    const key = accountId.trim().replace(/^@/, '').toLowerCase()
    const cached = this.cache.get(key)
    if (cached !== undefined) return cached
    try {
      const { body } = await this.http.getJson('/api/v1/accounts/lookup', { acct: lookupAcct(key, this.localDomain) }, mastodonAccountSchema, { signal })
      this.cache.set(key, body)
      return body
    } catch (err) {
      if (isConnectorError(err) && err.kind === 'not_found') return null
      throw err
    }
  }

  /** Fresh profile (counts change), bypassing and then refreshing the cache. */
  async refresh(accountId: string, signal?: AbortSignal): Promise<MastodonAccount | null> {
    this.cache.delete(accountId.trim().replace(/^@/, '').toLowerCase())
    return this.find(accountId, signal)
  }
}
