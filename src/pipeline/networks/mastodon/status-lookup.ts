// Statuses by instance-local id, for reference resolution and engagement re-reads alike: in
// batches where the instance has `GET /api/v1/statuses?id[]=` (Mastodon 4.3+; more than 20 ids is
// a 422, `check_statuses_limit`), one by one through `GET /api/v1/statuses/:id` otherwise. An
// instance without the batch read answers it 404 (or 400/422 on servers that parse it otherwise):
// learnt once per connector, that is once per run.
import { isConnectorError } from '../errors.ts'
import type { HttpClient } from '../http.ts'
import { mastodonStatusListSchema, mastodonStatusSchema, type MastodonStatus } from './schemas.ts'

/** Mastodon's DEFAULT_STATUSES_LIMIT, the most `id[]` one batch read takes. */
export const STATUSES_BATCH_MAX = 20

export class MastodonStatusLookup {
  private batchSupported = true

  constructor(private readonly http: HttpClient) {}

  /** How many ids one request reads: the batch maximum, or 1 once the batch read proved missing. */
  get perRequest(): number {
    return this.batchSupported ? STATUSES_BATCH_MAX : 1
  }

  /** The visible statuses among `ids` (at most 20), in one request; null when the instance has no batch read. */
  async batch(ids: string[], signal?: AbortSignal): Promise<MastodonStatus[] | null> {
    if (!this.batchSupported) return null
    if (ids.length > STATUSES_BATCH_MAX) throw new RangeError(`Mastodon reads at most ${STATUSES_BATCH_MAX} statuses per call`)
    try {
      const { body } = await this.http.getJson('/api/v1/statuses', { 'id[]': ids }, mastodonStatusListSchema, signal ? { signal } : {})
      return body
    } catch (err) {
      if (!isConnectorError(err) || (err.kind !== 'not_found' && err.kind !== 'bad_request')) throw err
      this.batchSupported = false
      return null
    }
  }

  /** One status; null when it is deleted, private or from a blocked domain. */
  async one(id: string, signal?: AbortSignal): Promise<MastodonStatus | null> {
    try {
      const { body } = await this.http.getJson(`/api/v1/statuses/${encodeURIComponent(id)}`, {}, mastodonStatusSchema, signal ? { signal } : {})
      return body
    } catch (err) {
      if (!isConnectorError(err) || (err.kind !== 'not_found' && err.kind !== 'forbidden' && err.kind !== 'auth')) throw err
      return null
    }
  }
}
