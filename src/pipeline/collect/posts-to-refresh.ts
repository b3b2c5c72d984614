import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'

export interface PostDue { id: number; externalId: string }

/**
 * Matched posts of the topics on one network written since `since`, the longest unread first:
 * a post never re-read counts from when it was collected. Bounded by `limit` (the pass's budget).
 */
export async function postsToRefresh(db: Kysely<DB>, topicIds: string[], network: string, since: Date, limit: number): Promise<PostDue[]> {
  const { rows } = await sql<{ id: string | number; external_id: string }>`
    select p.id, p.external_id from posts p
    where p.network = ${network} and p.created_at >= ${since}
      and exists (select 1 from topic_posts tp where tp.post_id = p.id and tp.topic_id in (${sql.join(topicIds)}))
    order by coalesce((select max(r.read_at) from post_engagement_readings r where r.post_id = p.id), p.collected_at), p.id
    limit ${limit}`.execute(db)
  return rows.map((r) => ({ id: Number(r.id), externalId: r.external_id }))
}
