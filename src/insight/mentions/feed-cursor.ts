import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { z } from 'zod'
import { AppError } from '../../platform/shared/errors.ts'
import { decodeCursor, encodeCursor } from '../../platform/shared/cursor.ts'
import type { MentionRow } from './mention-row.ts'
import { postEngagement } from '../analytics/engagement.ts'

export const FEED_SORTS = ['newest', 'engaged'] as const
export type FeedSort = (typeof FEED_SORTS)[number]

// The cursor carries the sort key of the last item served and which sort it belongs to.
// newest: (post_created_at, post_id) — the index topic_posts_feed; a post collected late with an
// older date still comes on a later page, one newer than the page boundary is simply not in
// this walk: no item is ever skipped or served twice.
// engaged: (engagement, post_id) — stable as long as the engagement counts do not change.
const shape = z.union([
  z.tuple([z.literal('n'), z.iso.datetime(), z.number().int().nonnegative()]),
  z.tuple([z.literal('e'), z.number().int().nonnegative(), z.number().int().nonnegative()]),
])

export function keysetCondition(sort: FeedSort, cursor: string | undefined): RawBuilder<SqlBool> | null {
  if (cursor === undefined) return null
  const decoded = decodeCursor(cursor, shape)
  if (decoded[0] === 'n' && sort === 'newest') return sql`(tp.post_created_at, tp.post_id) < (${new Date(decoded[1])}, ${decoded[2]})`
  if (decoded[0] === 'e' && sort === 'engaged') return sql`(${postEngagement}, p.id) < (${decoded[1]}, ${decoded[2]})`
  throw new AppError('invalid_cursor', `This cursor belongs to another sort order than "${sort}"; start again without it.`)
}

export function feedOrder(sort: FeedSort): RawBuilder<unknown> {
  return sort === 'newest' ? sql`tp.post_created_at desc, tp.post_id desc` : sql`${postEngagement} desc, p.id desc`
}

export function cursorAfter(sort: FeedSort, row: MentionRow): string {
  return sort === 'newest' ? encodeCursor(['n', row.post_created_at.toISOString(), row.id]) : encodeCursor(['e', row.engagement, row.id])
}
