// The spans a source's live stream missed and how their fill through search goes: what a
// workspace reads to know its live collection is whole (src/pipeline/collect/fill-stream-gaps.ts
// fills them). Scoped to the workspace: another workspace's source is not found.
import { z } from 'zod'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { notFound } from '../../platform/shared/errors.ts'
import { isUuid } from '../../platform/shared/ids.ts'
import { decodeCursor, keysetPage, type Page } from '../../platform/shared/cursor.ts'

export const streamGapSchema = z
  .object({
    id: z.string(),
    from: z.iso.datetime().describe('The last event stored before the gap.'),
    to: z.iso.datetime().describe('The first event received after it.'),
    status: z.enum(['needs_backfill', 'filled']).describe('needs_backfill: the search has not covered the span yet; filled: it has.'),
    posts: z.number().int().describe('Posts the search found in the span and stored (already stored ones included).'),
    note: z.string().nullable().describe('Why the fill cannot go on (e.g. the source has no login for search); null when nothing stops it.'),
    detectedAt: z.iso.datetime(),
    filledAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'StreamGap', example: { id: '12', from: '2026-12-05T03:10:00.000Z', to: '2026-12-06T16:02:11.000Z', status: 'filled', posts: 214, note: null, detectedAt: '2026-12-06T16:02:11.412Z', filledAt: '2026-12-06T16:15:40.100Z' } })

export const streamGapPageSchema = z
  .object({ items: z.array(streamGapSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'StreamGapPage', example: { items: [], nextCursor: null } })

export type StreamGap = z.infer<typeof streamGapSchema>

const idCursor = z.tuple([z.number().int().positive()])
const iso = (us: number) => new Date(Math.floor(us / 1000)).toISOString()

export function createStreamGapService({ db }: { db: Kysely<DB> }) {
  return {
    /** The source's gaps, the latest detected first. */
    async list(workspaceId: string, sourceId: string, limit: number, cursor?: string): Promise<Page<StreamGap>> {
      if (!isUuid(sourceId)) throw notFound('The source')
      const source = await db.selectFrom('sources').select('id').where('workspace_id', '=', workspaceId).where('id', '=', sourceId).executeTakeFirst()
      if (source === undefined) throw notFound('The source')
      let query = db.selectFrom('stream_gaps').select(['id', 'from_us', 'to_us', 'status', 'posts', 'note', 'detected_at', 'filled_at'])
        .where('workspace_id', '=', workspaceId).where('source_id', '=', sourceId)
      if (cursor !== undefined) query = query.where('id', '<', decodeCursor(cursor, idCursor)[0])
      const rows = await query.orderBy('id', 'desc').limit(limit + 1).execute()
      return keysetPage(rows, limit, (row): StreamGap => ({
        id: String(row.id), from: iso(row.from_us), to: iso(row.to_us), status: row.status, posts: row.posts, note: row.note,
        detectedAt: row.detected_at.toISOString(), filledAt: row.filled_at?.toISOString() ?? null,
      }), (gap) => [Number(gap.id)])
    },
  }
}

export type StreamGapService = ReturnType<typeof createStreamGapService>
