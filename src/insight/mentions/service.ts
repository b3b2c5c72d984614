import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { findTopic } from '../../tenancy/topics/find-topic.ts'
import { feedConditions, type FeedFilters } from './feed-filters.ts'
import { cursorAfter, feedOrder, keysetCondition, type FeedSort } from './feed-cursor.ts'
import { MENTION_COLUMNS, MENTION_FROM, mentionToDto, type MentionRow } from './mention-row.ts'
import type { MentionPage } from './schema.ts'

export interface FeedRequest extends FeedFilters { sort: FeedSort; limit: number; cursor?: string }

/** A topic's mention feed: filtered, sorted, keyset-paginated, scoped to the workspace. */
export function createMentionService({ db }: { db: Kysely<DB> }) {
  return {
    async list(workspaceId: string, topicId: string, request: FeedRequest): Promise<MentionPage> {
      await findTopic(db, workspaceId, topicId)
      const { sort, limit, cursor, ...filters } = request
      const conditions = feedConditions(topicId, filters)
      const keyset = keysetCondition(sort, cursor)
      if (keyset) conditions.push(keyset)
      const { rows } = await sql<MentionRow>`
        select ${MENTION_COLUMNS} from ${MENTION_FROM}
        where ${sql.join(conditions, sql` and `)}
        order by ${feedOrder(sort)}
        limit ${limit + 1}`.execute(db)
      const page = rows.slice(0, limit)
      const last = page.at(-1)
      return { items: page.map(mentionToDto), nextCursor: rows.length > limit && last ? cursorAfter(sort, last) : null }
    },
  }
}

export type MentionService = ReturnType<typeof createMentionService>
