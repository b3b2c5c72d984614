import { sql } from 'kysely'
import type { Db } from '../../platform/db/db-handle.ts'
import type { InteractionKind } from '../../platform/db/tables/content.ts'

/** `occurred_at_ms`: milliseconds since the epoch, as a number (parsing 90,000 dates cost more than the rest of the row). */
export interface InteractionRow { source_id: number; target_id: number; kind: InteractionKind; occurred_at_ms: number }

/**
 * The topic's interactions in the window: those made by an on-topic post, or by a post answering,
 * reposting or quoting one. The statement starts from the topic's range of topic_posts and walks
 * outwards by keys only — each on-topic post to the posts that reference it (the partial indexes on
 * reply_to / repost_of / quote_of), each carrier post to its interactions (the unique key that
 * starts with post_id) — so its cost follows the rows it returns, whatever the planner believes
 * the tables hold: there is no correlated sub-query that a stale estimate could turn into a walk
 * of the topic's range per interaction. `union` (not `union all`) keeps a post that is both
 * on-topic and answering an on-topic post once. Only the topic's workspace's posts answer its posts:
 * another workspace's copies of the same network posts never reach its graph.
 */
export async function loadTopicInteractions(db: Db, topicId: string, since: Date): Promise<InteractionRow[]> {
  const { rows } = await sql<InteractionRow>`
    with on_topic as materialized (
      select p.id, p.workspace_id, p.network, p.external_id
      from topic_posts tp join posts p on p.id = tp.post_id
      where tp.topic_id = ${topicId} and tp.post_created_at >= ${since}
    ), carriers as (
      select id from on_topic
      union
      select ip.id from on_topic o join posts ip on ip.network = o.network and ip.reply_to_external_id = o.external_id and ip.workspace_id = o.workspace_id
      union
      select ip.id from on_topic o join posts ip on ip.network = o.network and ip.repost_of_external_id = o.external_id and ip.workspace_id = o.workspace_id
      union
      select ip.id from on_topic o join posts ip on ip.network = o.network and ip.quote_of_external_id = o.external_id and ip.workspace_id = o.workspace_id
    )
    select i.source_id, i.target_id, i.kind, floor(extract(epoch from i.occurred_at) * 1000)::float8 as occurred_at_ms
    from carriers c join interactions i on i.post_id = c.id
    where i.occurred_at >= ${since}`.execute(db)
  return rows
}
