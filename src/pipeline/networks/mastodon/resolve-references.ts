// Replies and shallow quotes name their target by an instance-local status id. Relais keys posts
// by ActivityPub uri, so ids the connector has not met yet are looked up, in batches where the
// instance allows it (`GET /api/v1/statuses?id[]=`, Mastodon 4.3+), one by one otherwise.
// A parent that is deleted or not visible is remembered as missing and the reference stays null.
import { isConnectorError } from '../errors.ts'
import type { HttpClient } from '../http.ts'
import type { MastodonIdIndex } from './id-index.ts'
import { mastodonStatusListSchema, mastodonStatusSchema, type MastodonStatus } from './schemas.ts'

/** Mastodon reads at most this many `id[]` per call. */
const BATCH_SIZE = 20

export function unresolvedStatusIds(statuses: MastodonStatus[], index: MastodonIdIndex): string[] {
  const wanted = new Set<string>()
  const consider = (id: string | null | undefined): void => {
    if (id && !index.hasStatus(id)) wanted.add(id)
  }
  for (const status of statuses) {
    for (const item of [status, status.reblog, status.quote?.quoted_status]) {
      if (!item) continue
      consider(item.in_reply_to_id)
      if (item.quote?.state === 'accepted' && !('quoted_status' in item.quote && item.quote.quoted_status)) {
        consider(item.quote.quoted_status_id)
      }
    }
  }
  return [...wanted]
}

export class MastodonReferenceResolver {
  /** Cleared when the instance answers the batch endpoint with 404 (before 4.3). */
  private batchSupported = true

  constructor(
    private readonly http: HttpClient,
    private readonly index: MastodonIdIndex,
  ) {}

  async resolve(ids: string[], signal?: AbortSignal): Promise<void> {
    for (let start = 0; start < ids.length; start += BATCH_SIZE) {
      const batch = ids.slice(start, start + BATCH_SIZE)
      if (this.batchSupported && (await this.resolveBatch(batch, signal))) continue
      for (const id of batch) await this.resolveOne(id, signal)
    }
  }

  private async resolveBatch(ids: string[], signal?: AbortSignal): Promise<boolean> {
    try {
      const { body } = await this.http.getJson('/api/v1/statuses', { 'id[]': ids }, mastodonStatusListSchema, { signal })
      for (const status of body) this.index.learnStatus(status)
      for (const id of ids) if (!this.index.hasStatus(id)) this.index.learnMissingStatus(id)
      return true
    } catch (err) {
      if (!isConnectorError(err) || (err.kind !== 'not_found' && err.kind !== 'bad_request')) throw err
      this.batchSupported = false
      return false
    }
  }

  private async resolveOne(id: string, signal?: AbortSignal): Promise<void> {
    try {
      const { body } = await this.http.getJson(`/api/v1/statuses/${encodeURIComponent(id)}`, {}, mastodonStatusSchema, { signal })
      this.index.learnStatus(body)
    } catch (err) {
      // Deleted, private or from a blocked domain: the reply still counts, without its parent.
      if (!isConnectorError(err) || (err.kind !== 'not_found' && err.kind !== 'forbidden' && err.kind !== 'auth')) throw err
      this.index.learnMissingStatus(id)
    }
  }
}
