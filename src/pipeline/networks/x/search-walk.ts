// Incremental recent-search contract (X returns results newest first):
//
// - A *run* is a series of `searchPage` calls, each with the checkpoint of the previous page,
//   until `done: true`.
// - `sinceId` is the newest post id of the last completed run; every request of the next run
//   sends it as `since_id`, so X only returns newer posts (all other parameters stay fixed
//   during a walk, as X's pagination requires).
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
