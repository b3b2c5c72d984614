import { sql } from 'kysely'
import type { Db } from '../../platform/db/db-handle.ts'
import type { InteractionKind } from '../../platform/db/tables/content.ts'
import { numbersOf } from './number-list.ts'

/** The interactions column by column: interaction k is (sourceIds[k], targetIds[k], kinds[k], occurredMs[k]). */
export interface InteractionColumns {
  sourceIds: Float64Array
  targetIds: Float64Array
  kinds: InteractionKind[]
  /** Milliseconds since the epoch. */
  occurredMs: Float64Array
}

/**
 * The topic's interactions in the window: those made by an on-topic post, or by a post answering,
 * reposting or quoting one. The statement starts from the topic's range of topic_posts and walks
 * outwards by keys only — each on-topic post to the posts that reference it (the partial indexes on
 * reply_to / repost_of / quote_of), each carrier post to its interactions (the unique key that
 * starts with post_id) — so its cost follows the rows it returns, whatever the planner believes
 * the tables hold: there is no correlated sub-query that a stale estimate could turn into a walk
 * of the topic's range per interaction. `union` (not `union all`) keeps a post that is both
 * on-topic and answering an on-topic post once. Only the topic's workspace's posts answer its posts:
 * another workspace's copies of the same network posts never reach its graph. The interactions
 * come back as four comma-separated lists in one row, as the follows do (see load-follows.ts).
 */
export async function loadTopicInteractions(db: Db, topicId: string, since: Date): Promise<InteractionColumns> {
  const { rows } = await sql<{ sources: string | null; targets: string | null; kinds: string | null; occurred: string | null }>`
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
    select string_agg(i.source_id::text, ',') as sources, string_agg(i.target_id::text, ',') as targets, string_agg(i.kind::text, ',') as kinds,
      string_agg(floor(extract(epoch from i.occurred_at) * 1000)::bigint::text, ',') as occurred
    from carriers c join interactions i on i.post_id = c.id
    where i.occurred_at >= ${since}`.execute(db)
  const row = rows[0]
  return {
    sourceIds: numbersOf(row?.sources ?? null),
    targetIds: numbersOf(row?.targets ?? null),
    kinds: row?.kinds ? (row.kinds.split(',') as InteractionKind[]) : [],
    occurredMs: numbersOf(row?.occurred ?? null),
  }
}
