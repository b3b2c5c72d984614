import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { WORTH_ANSWERING_BELOW } from '../../platform/shared/sentiment-label.ts'

/** Below this sentiment a mention reads as a complaint worth answering (one definition: src/platform/shared/sentiment-label.ts). */
export const NEGATIVE_THRESHOLD = WORTH_ANSWERING_BELOW

/**
 * The one place the inbox decides that a mention (posts `p`) is negative, so the rule of what
 * "negative" means can change here alone.
 */
export function negativeMention(): RawBuilder<SqlBool> {
  return sql<SqlBool>`coalesce(p.sentiment < ${NEGATIVE_THRESHOLD}, false)`
}
