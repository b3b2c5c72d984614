import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'

/** A post due for a re-read: `readId` is what the source reads it back by (its external id, or the id the source keeps for it). */
export interface PostDue { id: number; externalId: string; readId: string }

export interface DueQuery {
  topicIds: string[]
  network: string
  sourceId: string
  /** The source reads posts back by its own id for them (Mastodon): posts it holds none for are skipped. */
  byReadId: boolean
  since: Date
  limit: number
}

/**
 * Failed re-reads in a row through one source (the network gave nothing for the post: deleted,
 * private, 404) after which a post leaves that source's refresh line: one miss may be a passing
 * fault, three runs in a row (45 minutes on the default schedule) are a post that is gone for
 * that source. Other sources keep their own count: a status one Mastodon instance lost may still
 * be served by another.
 */
export const MAX_ENGAGEMENT_MISSES = 3

/**
 * Matched posts of the topics on one network written since `since`, the longest unread first:
 * a post never re-read counts from when it was collected, one whose last re-read through this
 * source found nothing from that attempt (so it waits behind the others), and one that failed
 * MAX_ENGAGEMENT_MISSES times in a row through this source is left out. Bounded by `limit` (the pass's budget).
 */
export async function postsToRefresh(db: Kysely<DB>, due: DueQuery): Promise<PostDue[]> {
  const { rows } = await sql<{ id: string | number; external_id: string; read_id: string | null }>`
    select p.id, p.external_id, ri.read_id from posts p
    left join post_read_ids ri on ri.post_id = p.id and ri.source_id = ${due.sourceId}
    left join post_engagement_misses m on m.post_id = p.id and m.source_id = ${due.sourceId}
    where p.network = ${due.network} and p.created_at >= ${due.since}
      and (${due.byReadId} = false or ri.read_id is not null)
      and coalesce(m.misses, 0) < ${MAX_ENGAGEMENT_MISSES}
      and exists (select 1 from topic_posts tp where tp.post_id = p.id and tp.topic_id in (${sql.join(due.topicIds)}))
    order by coalesce(greatest((select max(r.read_at) from post_engagement_readings r where r.post_id = p.id), m.missed_at), p.collected_at), p.id
    limit ${due.limit}`.execute(db)
  return rows.map((r) => ({ id: Number(r.id), externalId: r.external_id, readId: r.read_id ?? r.external_id }))
}
