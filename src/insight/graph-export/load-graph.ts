import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { EdgeKind, GraphEdge, GraphNode, TopicGraph } from './schema.ts'

export interface GraphLimits { nodes: number; edges: number }

interface EdgeRow { source: number; target: number; kind: EdgeKind; weight: number; first_at: Date; last_at: Date }

/**
 * The topic graph as its latest score snapshot saw it: the snapshot's accounts (highest
 * influence first, up to the limit), the follows among them, and the topical interactions among
 * them in the scoring window — the ties scoring used (see scoring/load-topic-graph.ts),
 * aggregated per (source, target, kind).
 */
export async function loadGraph(db: Kysely<DB>, topicId: string, limits: GraphLimits): Promise<TopicGraph> {
  const run = await db.selectFrom('score_runs').select(['id', 'computed_at', 'window_start']).where('topic_id', '=', topicId).orderBy('id', 'desc').limit(1).executeTakeFirst()
  if (!run) return { scoreRun: null, nodes: [], edges: [], truncated: { nodes: false, edges: false } }
  const { rows: nodeRows } = await sql<{ id: number; network: string; handle: string; display_name: string | null; url: string | null; followers_count: number | null; influence: number; relay: number; influence_rank: number; relay_rank: number; community: number; prospect: boolean }>`
    select a.id, a.network, a.handle, a.display_name, a.url, a.followers_count, s.influence, s.relay, s.influence_rank, s.relay_rank, s.community, s.prospect
    from scores s join accounts a on a.id = s.account_id
    where s.run_id = ${run.id}
    order by s.influence_rank
    limit ${limits.nodes + 1}`.execute(db)
  const kept = nodeRows.slice(0, limits.nodes)
  const nodes: GraphNode[] = kept.map((r) => ({
    id: String(r.id), handle: r.handle, network: r.network, displayName: r.display_name, url: r.url, followersCount: r.followers_count,
    influence: round2(r.influence), relay: round2(r.relay), influenceRank: r.influence_rank, relayRank: r.relay_rank, community: r.community, prospect: r.prospect,
  }))
  // Ranks are 1…n without ties, so the kept nodes are exactly those ranked within the limit.
  const nodeSet = sql`nodes as (select s.account_id as id from scores s where s.run_id = ${run.id} and s.influence_rank <= ${limits.nodes})`
  const [follows, interactions] = await Promise.all([
    sql<EdgeRow>`
      with ${nodeSet}
      select f.follower_id as source, f.followee_id as target, 'follow' as kind, 1 as weight, f.first_seen_at as first_at, f.last_seen_at as last_at
      from follows f
      where f.follower_id in (select id from nodes) and f.followee_id in (select id from nodes)
      order by f.follower_id, f.followee_id
      limit ${limits.edges + 1}`.execute(db),
    // Topical: made by a post of the topic in the window, or answering, reposting or quoting one.
    // Both tests are index lookups per interaction (topic_posts' key, posts' (network, external_id)).
    sql<EdgeRow>`
      with ${nodeSet}
      select i.source_id as source, i.target_id as target, i.kind, count(*)::int as weight, min(i.occurred_at) as first_at, max(i.occurred_at) as last_at
      from interactions i join posts ip on ip.id = i.post_id
      where i.occurred_at >= ${run.window_start} and i.occurred_at <= ${run.computed_at}
        and i.source_id in (select id from nodes) and i.target_id in (select id from nodes)
        and (
          exists (select 1 from topic_posts tp where tp.topic_id = ${topicId} and tp.post_id = i.post_id and tp.post_created_at >= ${run.window_start})
          or exists (
            select 1 from posts ref join topic_posts tp on tp.post_id = ref.id and tp.topic_id = ${topicId} and tp.post_created_at >= ${run.window_start}
            where ref.network = ip.network and ref.external_id in (ip.reply_to_external_id, ip.repost_of_external_id, ip.quote_of_external_id)))
      group by i.source_id, i.target_id, i.kind
      order by weight desc, i.source_id, i.target_id, i.kind
      limit ${limits.edges + 1}`.execute(db),
  ])
  // Interactions (the topical ties) before follows when the edge limit bites.
  const all = [...interactions.rows, ...follows.rows]
  const edges: GraphEdge[] = all.slice(0, limits.edges).map((e) => ({
    source: String(e.source), target: String(e.target), kind: e.kind, weight: e.weight, firstAt: e.first_at.toISOString(), lastAt: e.last_at.toISOString(),
  }))
  return {
    scoreRun: { id: run.id, computedAt: run.computed_at.toISOString(), windowStart: run.window_start.toISOString() },
    nodes,
    edges,
    truncated: { nodes: nodeRows.length > limits.nodes, edges: all.length > limits.edges },
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100
