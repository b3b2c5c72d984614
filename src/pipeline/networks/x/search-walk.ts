// Incremental recent-search contract (X returns results newest first):
//
// - A *run* is a series of `searchPage` calls, each with the checkpoint of the previous page,
//   until `done: true`.
// - `sinceId` is the newest post id of the last completed run; every request of the next run
//   sends `since_id` a search-index overlap behind it (see `sinceIdWithOverlap`), so X returns the
//   newer posts and those of the overlap again (all other parameters stay fixed during a walk, as
//   X's pagination requires; posts read again are upserted, not duplicated).
// - `walk` is the run in progress: the `next_token` to fetch next and the newest id this walk
//   has seen. It is null between runs. Resuming from a checkpoint refetches exactly that page.
// - The walk is done when a page has no `next_token`; its newest id then becomes `sinceId`.
import { z } from 'zod'

export const xCheckpointSchema = z.object({
  v: z.literal(1),
  sinceId: z.string().regex(/^\d{1,19}$/).nullable(),
  walk: z.object({ nextToken: z.string(), newestId: z.string().regex(/^\d{1,19}$/).nullable() }).nullable(),
})
export type XCheckpoint = z.infer<typeof xCheckpointSchema>

export const EMPTY_X_CHECKPOINT: XCheckpoint = { v: 1, sinceId: null, walk: null }

/** An unreadable checkpoint restarts from scratch (recent search only reaches back 7 days). */
export function readXCheckpoint(raw: unknown): XCheckpoint {
  const parsed = xCheckpointSchema.safeParse(raw)
  return parsed.success ? parsed.data : EMPTY_X_CHECKPOINT
}

/**
 * X ids carry their creation time (ms since the X epoch, shifted 22 bits), and search finds a post
 * only once it is indexed: a post indexed after a run, but created before that run's newest post,
 * sorts below `since_id` and would never be found. X publishes no figure for its indexing delay;
 * the walk re-reads one run interval of the default schedule (15 minutes) behind its newest post,
 * so a post indexed up to 15 minutes after it was written is caught by the next run, whatever the
 * schedule (test/collect/x-late-posts.test.ts). The posts of the overlap are returned again, but X
 * bills a post returned several times in one UTC day once (docs.x.com, post cap), and a topic with
 * fewer than 100 posts a quarter hour reads them in the page it reads anyway.
 */
export const SEARCH_INDEX_OVERLAP_MS = 15 * 60_000
const X_EPOCH_MS = 1_288_834_974_657n

export function sinceIdWithOverlap(sinceId: string): string {
  const createdMs = (BigInt(sinceId) >> 22n) + X_EPOCH_MS - BigInt(SEARCH_INDEX_OVERLAP_MS)
  return createdMs <= X_EPOCH_MS ? '1' : ((createdMs - X_EPOCH_MS) << 22n).toString()
}
