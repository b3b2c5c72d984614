// Resume point of a Bluesky search walk. Search is sorted by `sortAt` (see normalize.ts), newest
// first; a walk goes back until the previous completed run's newest `sortAt`. Posts sharing that
// exact instant are told apart by uri, so none is lost or returned twice at the boundary.
import { z } from 'zod'
import type { Checkpoint } from '../connector.ts'

const watermarkSchema = z.object({ sortAt: z.iso.datetime(), uris: z.array(z.string()) })
export type Watermark = z.infer<typeof watermarkSchema>

export const blueskyCheckpointSchema = z.object({
  v: z.literal(1),
  /** Newest post of the last completed walk. */
  previous: watermarkSchema.nullable(),
  /** Newest post of the walk in progress; becomes `previous` once it completes. */
  walk: watermarkSchema.nullable(),
  /** Opaque cursor of the walk in progress; null when no walk is in progress. */
  cursor: z.string().nullable(),
})
export type BlueskyCheckpoint = z.infer<typeof blueskyCheckpointSchema>

export function readBlueskyCheckpoint(checkpoint: Checkpoint | null): BlueskyCheckpoint {
  const parsed = blueskyCheckpointSchema.safeParse(checkpoint)
  // Unreadable (older format): start again from the newest; ingest upserts what comes twice.
  if (checkpoint === null || !parsed.success) return { v: 1, previous: null, walk: null, cursor: null }
  return parsed.data
}

/** The newer of two watermarks; at the same instant, the uris of both. */
export function newerWatermark(current: Watermark | null, candidate: Watermark | null): Watermark | null {
  if (candidate === null) return current
  if (current === null) return candidate
  const difference = Date.parse(candidate.sortAt) - Date.parse(current.sortAt)
  if (difference > 0) return candidate
  if (difference < 0) return current
  return { sortAt: current.sortAt, uris: [...new Set([...current.uris, ...candidate.uris])] }
}
