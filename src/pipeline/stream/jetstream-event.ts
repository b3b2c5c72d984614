import { z } from 'zod'

// Jetstream v1 frames (shared/reference/network-apis.md §3.7). Only what the reader uses is
// checked; anything else in a frame is ignored, and a frame that is not an event is skipped.

const commit = z.object({
  rev: z.string().max(100),
  operation: z.enum(['create', 'update', 'delete']),
  collection: z.string().max(300),
  rkey: z.string().max(512),
  cid: z.string().max(200).optional(),
  record: z.record(z.string(), z.unknown()).optional(),
})

const event = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('commit'), did: z.string().max(2048), time_us: z.number().int().positive(), commit }),
  z.object({ kind: z.literal('identity'), did: z.string().max(2048), time_us: z.number().int().positive() }),
  // `active: false` with a status (deleted, deactivated, takendown, …): the account is gone from the network.
  z.object({ kind: z.literal('account'), did: z.string().max(2048), time_us: z.number().int().positive(),
    account: z.object({ active: z.boolean(), status: z.string().max(100).optional() }).optional() }),
])

export type JetstreamEvent = z.infer<typeof event>

/** A frame as an event, or null when it is none (bad JSON, an early build's `type:"com"`). */
export function parseJetstreamFrame(frame: string): JetstreamEvent | null {
  let json: unknown
  try {
    json = JSON.parse(frame)
  } catch {
    return null
  }
  const parsed = event.safeParse(json)
  return parsed.success ? parsed.data : null
}
