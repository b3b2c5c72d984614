import { sql, type RawBuilder } from 'kysely'

/**
 * A JSON value for a jsonb column. `pg` sends a JavaScript array as a PostgreSQL array literal,
 * which a jsonb column refuses, so arrays (and everything else) go as JSON text.
 */
export const jsonb = <T>(value: T): RawBuilder<T> => sql<T>`${JSON.stringify(value)}::jsonb`
