import { z } from 'zod'
import { mastodonStatusSchema, type MastodonStatus } from '../../networks/mastodon/schemas.ts'

// Frames of a Mastodon streaming connection (shared/reference/network-apis.md, Mastodon §9):
// `{"stream": ["hashtag", "rust"], "event": "update", "payload": "<a Status, JSON-encoded>"}`.
// The payload is a string holding JSON, except for `delete`, whose payload is the bare status id.

export type MastodonStreamEvent =
  /** `hashtag`: the tag subscription it came on (lower case), null on another stream. */
  | { kind: 'status'; edited: boolean; status: MastodonStatus; hashtag: string | null }
  | { kind: 'delete'; statusId: string }

const frame = z.object({
  stream: z.array(z.string().max(300)).max(4).optional(),
  event: z.string().max(100),
  payload: z.string().optional(),
})

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** A frame as an event the reader stores, or null (other events, bad JSON, a status of another shape). */
export function parseMastodonFrame(text: string): MastodonStreamEvent | null {
  const parsed = frame.safeParse(parseJson(text))
  if (!parsed.success || parsed.data.payload === undefined) return null
  const { event, payload, stream } = parsed.data
  if (event === 'delete') return payload.length > 0 && payload.length <= 200 ? { kind: 'delete', statusId: payload } : null
  if (event !== 'update' && event !== 'status.update') return null
  const status = mastodonStatusSchema.safeParse(parseJson(payload))
  if (!status.success) return null
  const hashtag = stream?.[0] === 'hashtag' && stream[1] ? stream[1].toLowerCase() : null
  return { kind: 'status', edited: event === 'status.update', status: status.data, hashtag }
}
