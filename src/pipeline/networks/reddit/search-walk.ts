// Incremental search contract (Reddit lists search results newest first, `sort=new`):
//
// - A *run* is a series of `searchPage` calls, each handing back the checkpoint of the previous
//   one, until a page says `done: true`.
// - `newest` records the newest post the last completed run saw: its `created_utc` and the
//   fullnames of every post seen with exactly that time (several can share a second).
// - `walk` is the run in progress: the listing's `after` cursor for the next page, and the newest
//   post this walk has seen so far. It is null between runs.
// - A walk stops (done) when it meets a post older than `newest` less the search-index overlap
//   (posts of the overlap are read again and upserted, not duplicated), or when the listing ends
//   (`after: null`).
// - When a walk ends, its newest post becomes `newest`, so the next run only returns newer posts.
//   Stopping half-way and resuming from the last checkpoint continues at the same `after`.
import { z } from 'zod'
import type { RedditPost } from './schemas.ts'

const boundarySchema = z.object({ createdUtc: z.number(), ids: z.array(z.string()) })
export type Boundary = z.infer<typeof boundarySchema>

export const redditCheckpointSchema = z.object({
  v: z.literal(1),
  newest: boundarySchema.nullable(),
  walk: z.object({ after: z.string(), newest: boundarySchema.nullable() }).nullable(),
})
export type RedditCheckpoint = z.infer<typeof redditCheckpointSchema>

export const EMPTY_CHECKPOINT: RedditCheckpoint = { v: 1, newest: null, walk: null }

/** An unreadable checkpoint (older format, hand-edited) restarts the walk; upserts absorb repeats. */
export function readCheckpoint(raw: unknown): RedditCheckpoint {
  const parsed = redditCheckpointSchema.safeParse(raw)
  return parsed.success ? parsed.data : EMPTY_CHECKPOINT
}

export function newerBoundary(a: Boundary | null, b: Boundary | null): Boundary | null {
  if (a === null) return b
  if (b === null) return a
  if (a.createdUtc !== b.createdUtc) return a.createdUtc > b.createdUtc ? a : b
  return { createdUtc: a.createdUtc, ids: [...new Set([...a.ids, ...b.ids])] }
}

/**
 * Reddit search finds a post only once it is indexed, which lags its creation; a post indexed after
 * a run but created before that run's newest post would sort below it and never be met. Reddit
 * publishes no figure for the lag: the walk re-reads one run interval of the default schedule
 * (15 minutes) behind its newest post, so a post indexed up to 15 minutes after it was written is
 * caught by the next run, whatever the schedule (test/collect/reddit-late-posts.test.ts). The
 * overlap costs no request for a topic with fewer than 100 posts a quarter hour (it shares the
 * first page); Reddit's 100 requests a minute are not what bounds it.
 */
export const SEARCH_INDEX_OVERLAP_S = 15 * 60

export interface WalkStep {
  fresh: RedditPost[]
  checkpoint: RedditCheckpoint
  done: boolean
}

/** Applies one listing page (newest first) to the checkpoint it was fetched with. */
export function stepWalk(checkpoint: RedditCheckpoint, page: RedditPost[], after: string | null): WalkStep {
  const boundary = checkpoint.newest
  let walkNewest = checkpoint.walk?.newest ?? null
  const fresh: RedditPost[] = []
  let reachedSeen = false
  const cutoff = boundary === null ? null : boundary.createdUtc - SEARCH_INDEX_OVERLAP_S
  for (const post of page) {
    if (cutoff !== null && post.created_utc < cutoff) {
      reachedSeen = true
      break
    }
    fresh.push(post)
    walkNewest = newerBoundary(walkNewest, { createdUtc: post.created_utc, ids: [post.name] })
  }
  const done = reachedSeen || after === null
  const next: RedditCheckpoint = done
    ? { v: 1, newest: newerBoundary(boundary, walkNewest), walk: null }
    : { v: 1, newest: boundary, walk: { after: after as string, newest: walkNewest } }
  return { fresh, checkpoint: next, done }
}
