import { sql, type RawBuilder, type SqlBool } from 'kysely'

/** Below this sentiment a mention reads as a complaint worth answering. */
export const NEGATIVE_THRESHOLD = -0.3

/**
 * The one place the inbox decides that a mention (posts `p`) is negative, so the rule of what
 * "negative" means can change here alone.
 */
export function negativeMention(): RawBuilder<SqlBool> {
  return sql<SqlBool>`coalesce(p.sentiment < ${NEGATIVE_THRESHOLD}, false)`
}
