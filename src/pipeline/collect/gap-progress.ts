// How far the fill of one stream gap went, kept on the gap (stream_gaps.progress): the searches
// done (topic id and the search's rank in its compiled query), and the cursor of the one under way.
import { z } from 'zod'

const schema = z.object({
  done: z.array(z.string().max(200)).max(10_000),
  key: z.string().max(200).nullable(),
  cursor: z.string().max(10_000).nullable(),
})

export type GapProgress = z.infer<typeof schema>

/** The stored progress; an empty or unreadable one starts the fill over (writes are idempotent). */
export function gapProgress(stored: unknown): GapProgress {
  const parsed = schema.safeParse(stored)
  return parsed.success ? parsed.data : { done: [], key: null, cursor: null }
}
