import { sql, type RawBuilder } from 'kysely'

/**
 * The keyset condition of a list sorted by (`column`, id): rows strictly past the last one served,
 * as a row comparison `(column, id) > (value, id)` (`<` when the list runs newest first), which
 * the (column, id) index answers directly.
 */
export function pastKeyset(column: string, value: Date, id: string | number, direction: 'asc' | 'desc'): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(column)}, ${sql.ref('id')}) ${sql.raw(direction === 'asc' ? '>' : '<')} (${value}, ${id})`
}
