import { z } from 'zod'
import { AppError } from './errors.ts'

// Keyset pagination: the cursor carries the sort key of the last item served, encoded so clients
// treat it as opaque. A cursor that does not decode to the expected shape is a 400, never a 500.

export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

export function decodeCursor<T extends z.ZodType>(cursor: string, shape: T): z.infer<T> {
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
    if (parsed.success) return parsed.data
  } catch {
    // falls through to the error below
  }
  throw new AppError('invalid_cursor', 'The cursor is not one this API issued; start again without it.')
}

/** A page of a list: its items and the cursor of the next page (null on the last one). */
export interface Page<T> { items: T[]; nextCursor: string | null }

/**
 * The page of `rows` read with `limit + 1`: the extra row only tells that a next page exists, and
 * the cursor carries the sort key of the last item served.
 */
export function keysetPage<R, T>(rows: readonly R[], limit: number, toItem: (row: R) => T, keyOf: (item: T) => readonly (string | number)[]): Page<T> {
  const items = rows.slice(0, limit).map(toItem)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null }
}

export const limitQuery = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback).describe(`Items per page (1–${max}).`)

export const cursorQuery = z.string().max(512).optional().describe('Opaque cursor from the previous page\'s `nextCursor`.')

/** `createdAt` + `id` keyset, for lists sorted by creation (of rows whose ids are UUIDs). */
export const createdAtIdCursor = z.tuple([z.iso.datetime(), z.uuid()])
