// Replies and shallow quotes name their target by an instance-local status id. Relais keys posts
// by ActivityPub uri, so ids the connector has not met yet are looked up, in batches where the
// instance allows it (`GET /api/v1/statuses?id[]=`, Mastodon 4.3+), one by one otherwise.
// A parent that is deleted or not visible is remembered as missing and the reference stays null.
import type { MastodonIdIndex } from './id-index.ts'
import type { MastodonStatus } from './schemas.ts'
import { STATUSES_BATCH_MAX, type MastodonStatusLookup } from './status-lookup.ts'

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
  constructor(
    private readonly lookup: MastodonStatusLookup,
    private readonly index: MastodonIdIndex,
    /** Told of each request a lookup makes (the batch read that proves missing included). */
    private readonly onRequest: () => void = () => {},
  ) {}

  async resolve(ids: string[], signal?: AbortSignal): Promise<void> {
    for (let start = 0; start < ids.length; start += STATUSES_BATCH_MAX) {
      const batch = ids.slice(start, start + STATUSES_BATCH_MAX)
      if (this.lookup.perRequest > 1) this.onRequest()
      const found = await this.lookup.batch(batch, signal)
      if (found !== null) {
        for (const status of found) this.index.learnStatus(status)
        for (const id of batch) if (!this.index.hasStatus(id)) this.index.learnMissingStatus(id)
        continue
      }
      // Deleted, private or from a blocked domain: the reply still counts, without its parent.
      for (const id of batch) {
        this.onRequest()
        const status = await this.lookup.one(id, signal)
        if (status === null) this.index.learnMissingStatus(id)
        else this.index.learnStatus(status)
      }
    }
  }
}
