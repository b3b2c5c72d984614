// What a Mastodon stream missed while no connection was open: the instance keeps no replay, so
// on every (re)connection each tag timeline is paged forward from the stored checkpoint (`min_id`:
// the statuses just after it, oldest page first), each page stored with the checkpoint it moves.
// A tag never read before starts from its newest page: older statuses are scheduled collection's.
import type { HttpClient } from '../../networks/http.ts'
import { tagPageAfter } from './instance-api.ts'
import type { MastodonBatchItem } from './store-mastodon-batch.ts'
import type { TagCheckpoint } from './tag-checkpoint.ts'

/** Pages per tag and connection at most (40 statuses each); the rest is left to scheduled collection. */
export const MAX_CATCH_UP_PAGES = 50

/** Stores one page and returns the checkpoint after it. */
export type PageWriter = (items: MastodonBatchItem[]) => Promise<TagCheckpoint>

export async function catchUpTags(http: HttpClient, tags: readonly string[], checkpoint: TagCheckpoint, write: PageWriter, signal: AbortSignal): Promise<{ statuses: number; pages: number }> {
  let statuses = 0
  let pages = 0
  for (const tag of tags) {
    let minId = checkpoint[tag] ?? null
    for (let page = 0; page < MAX_CATCH_UP_PAGES && !signal.aborted; page++) {
      const newestFirst = await tagPageAfter(http, tag, minId, signal)
      if (newestFirst.length === 0) break
      // Oldest first, so the checkpoint ends on the newest whatever the ids look like. An edited
      // status (edited_at set) is stored as an edit: one edited while no connection was open is
      // brought up to date; the others are plain arrivals.
      await write([...newestFirst].reverse().map((status) => ({ kind: 'status', status, edited: Boolean(status.edited_at), tag })))
      statuses += newestFirst.length
      pages++
      if (minId === null) break
      minId = newestFirst[0].id
    }
  }
  return { statuses, pages }
}
