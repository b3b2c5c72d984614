import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'

export interface GraphCandidate { accountId: number; network: string; externalId: string; /** When its follow lists were last read to the end; null: never. */ collectedAt?: Date | null }

/**
 * Accounts whose follow lists matter most to a topic: its most active authors in the window and
 * the top of its latest ranking. Never-collected accounts come first, then the longest unrefreshed;
 * among equals, the most active first.
 */
export async function graphCandidates(db: Kysely<DB>, topicId: string, networks: string[], since: Date, limit: number): Promise<GraphCandidate[]> {
  if (networks.length === 0) return []
  const rows = await sql<{ account_id: number; network: string; external_id: string; graph_collected_at: Date | null }>`
    with activity as (
      select p.author_id as account_id, count(*)::float8 as weight
      from topic_posts tp join posts p on p.id = tp.post_id
      where tp.topic_id = ${topicId} and tp.post_created_at >= ${since} and p.author_id is not null
      group by p.author_id
      union all
      select s.account_id, 1000.0 / s.influence_rank from scores s
      where s.run_id = (select id from score_runs where topic_id = ${topicId} order by id desc limit 1) and s.influence_rank <= 200
    ), ranked as (select account_id, sum(weight) as weight from activity group by account_id)
    select a.id as account_id, a.network, a.external_id, a.graph_collected_at
    from ranked r join accounts a on a.id = r.account_id
    where a.network in (select value from jsonb_array_elements_text(${JSON.stringify(networks)}::jsonb))
    order by a.graph_collected_at asc nulls first, r.weight desc, a.id
    limit ${limit}`.execute(db)
  return rows.rows.map((r) => ({ accountId: r.account_id, network: r.network, externalId: r.external_id, collectedAt: r.graph_collected_at }))
}
