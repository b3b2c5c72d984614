// The resume point of a mention walk. A walk goes from the newest status backwards until it is
// past what the previous completed run had seen by an overlap of time (statuses received late
// sort among older ids: see mention-walk.ts); ids are opaque and never compared by us.
import { z } from 'zod'
import type { Checkpoint } from '../connector.ts'

/**
 * The newest statuses of a walk, newest first. Several ids rather than one: if the newest is
 * deleted before the next run, meeting any of the others still says "already seen".
 */
const seenSchema = z.object({ ids: z.array(z.string()).min(1), createdAt: z.string() })

/** How many of the newest ids a checkpoint remembers. */
export const REMEMBERED_IDS = 20

export const mastodonCheckpointSchema = z.object({
  v: z.literal(2),
  /** Newest status of the last completed walk: the next walk stops an overlap behind its date. */
  previousNewest: seenSchema.nullable(),
  /** Newest status of the walk in progress; becomes `previousNewest` when the walk completes. */
  walkNewest: seenSchema.nullable(),
  /** Hashtag timelines: the `Link: rel="next"` URL (it carries `max_id`) where the walk continues. */
  nextUrl: z.string().nullable(),
  /** Full-text search pages by offset (the only paging search documents). */
  nextOffset: z.number().int().nonnegative().nullable(),
})
export type MastodonCheckpoint = z.infer<typeof mastodonCheckpointSchema>

export function readMastodonCheckpoint(checkpoint: Checkpoint | null): MastodonCheckpoint {
  const parsed = mastodonCheckpointSchema.safeParse(checkpoint)
  // An unreadable checkpoint (older format, hand-edited) restarts from the newest: at worst some
  // statuses are fetched twice, and ingest upserts them.
  if (checkpoint === null || !parsed.success) return { v: 2, previousNewest: null, walkNewest: null, nextUrl: null, nextOffset: null }
  return parsed.data
}

export function walkInProgress(checkpoint: MastodonCheckpoint): boolean {
  return checkpoint.nextUrl !== null || checkpoint.nextOffset !== null
}

/** The walk is over: its newest statuses (topped up with older remembered ones) become the stop mark. */
export function completedWalk(checkpoint: MastodonCheckpoint): MastodonCheckpoint {
  const { walkNewest, previousNewest } = checkpoint
  const ids = [...new Set([...(walkNewest?.ids ?? []), ...(previousNewest?.ids ?? [])])].slice(0, REMEMBERED_IDS)
  const newest = walkNewest ?? previousNewest
  return {
    v: 2,
    previousNewest: newest === null ? null : { ids, createdAt: newest.createdAt },
    walkNewest: null,
    nextUrl: null,
    nextOffset: null,
  }
}

/**
 * Where a walk stands after one page: `fresh` (newest first) are the page's items not yet seen,
 * whose newest start the stop mark when this page opened the walk; `stopped` says the walk met
 * what the previous run had seen. Done then, or when there is no next page.
 */
export function afterPage(
  checkpoint: MastodonCheckpoint,
  fresh: readonly { id: string; created_at: string }[],
  next: { nextUrl: string | null; nextOffset: number | null },
  stopped: boolean,
): { checkpoint: MastodonCheckpoint; done: boolean } {
  const newest = fresh.slice(0, REMEMBERED_IDS)
  const walkNewest = walkInProgress(checkpoint)
    ? checkpoint.walkNewest
    : newest.length === 0 ? null : { ids: newest.map((item) => item.id), createdAt: newest[0].created_at }
  const after: MastodonCheckpoint = { ...checkpoint, walkNewest, nextUrl: next.nextUrl, nextOffset: next.nextOffset }
  const done = stopped || (next.nextUrl === null && next.nextOffset === null)
  return { checkpoint: done ? completedWalk(after) : after, done }
}
