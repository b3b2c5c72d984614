import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { decayed, EDGE_WEIGHTS } from './edge-weights.ts'
import { loadTopicInteractions } from './load-interactions.ts'
import type { TopicGraph } from './topic-graph.ts'

/**
 * The topic graph from the database: accounts that posted on the topic since `since`, the
 * accounts they interacted with about it (a topical interaction is one made by an on-topic post,
 * or answering, reposting or quoting one), and the follow edges among all of them. What each
 * account wrote and received on the topic comes with it; how much a tie is worth is decided by
 * the scoring, not here.
 */
export async function loadTopicGraph(db: Kysely<DB>, topicId: string, since: Date, now: Date): Promise<TopicGraph> {
  // Reposts are passing content on, not writing about the topic: counted by the interactions.
  const active = await sql<{ author_id: number; posts: number; likes: number; replies: number; reposts: number; quotes: number }>`
    select p.author_id, count(*)::int as posts, sum(p.likes)::float8 as likes, sum(p.replies)::float8 as replies,
      sum(p.reposts)::float8 as reposts, sum(p.quotes)::float8 as quotes
    from topic_posts tp join posts p on p.id = tp.post_id
    where tp.topic_id = ${topicId} and tp.post_created_at >= ${since} and p.author_id is not null and p.repost_of_external_id is null
    group by p.author_id`.execute(db)

  const interactions = { rows: await loadTopicInteractions(db, topicId, since) }

  const index = new Map<number, number>()
  const accountIds: number[] = []
  const node = (id: number) => {
    let v = index.get(id)
    if (v === undefined) {
      v = accountIds.length
      index.set(id, v)
      accountIds.push(id)
    }
    return v
  }
  for (const a of active.rows) node(a.author_id)
  for (const i of interactions.rows) { node(i.source_id); node(i.target_id) }

  const ids = JSON.stringify(accountIds)
  const follows = accountIds.length === 0 ? { rows: [] } : await sql<{ follower_id: number; followee_id: number }>`
    with nodes as (select value::bigint as id from jsonb_array_elements_text(${ids}::jsonb))
    select f.follower_id, f.followee_id from follows f
    where f.follower_id in (select id from nodes) and f.followee_id in (select id from nodes)`.execute(db)

  const accounts = accountIds.length === 0 ? { rows: [] } : await sql<{ id: number; network: string; handle: string; followers_count: number | null; graph_collected_at: Date | null; verified_links: string[] | null }>`
    select id, network, handle, followers_count, graph_collected_at, case when jsonb_array_length(verified_links) > 0 then verified_links end as verified_links from accounts
    where id in (select value::bigint from jsonb_array_elements_text(${ids}::jsonb))`.execute(db)

  const n = accountIds.length
  const perNode = () => new Float64Array(n)
  const [topicPosts, likesReceived, repliesReceived, repostsReceived, quotesReceived] = [perNode(), perNode(), perNode(), perNode(), perNode()]
  for (const a of active.rows) {
    const v = index.get(a.author_id)!
    topicPosts[v] = a.posts
    likesReceived[v] = a.likes
    repliesReceived[v] = a.replies
    repostsReceived[v] = a.reposts
    quotesReceived[v] = a.quotes
  }
  // A network's counters can lag behind what was collected (or be absent from an import): what
  // was seen answering, reposting or quoting an on-topic post counts at least.
  const seen = { reply: perNode(), repost: perNode(), quote: perNode() }
  for (const i of interactions.rows) if (i.kind !== 'mention' && topicPosts[index.get(i.target_id)!] > 0) seen[i.kind][index.get(i.target_id)!]++
  for (let v = 0; v < n; v++) {
    repliesReceived[v] = Math.max(repliesReceived[v], seen.reply[v])
    repostsReceived[v] = Math.max(repostsReceived[v], seen.repost[v])
    quotesReceived[v] = Math.max(quotesReceived[v], seen.quote[v])
  }
  const followers = new Float64Array(n).fill(Number.NaN)
  const networks = new Array<string>(n).fill('')
  const handles = new Array<string>(n).fill('')
  const collected = new Set<number>()
  const verifiedLinks = new Map<number, readonly string[]>()
  for (const a of accounts.rows) {
    const v = index.get(a.id)!
    networks[v] = a.network
    handles[v] = a.handle
    if (a.verified_links) verifiedLinks.set(v, a.verified_links)
    if (a.followers_count !== null) followers[v] = a.followers_count
    if (a.graph_collected_at) collected.add(a.id)
  }
  return {
    accountIds, networks, handles, verifiedLinks,
    interactions: interactions.rows.map((i) => ({ source: index.get(i.source_id)!, target: index.get(i.target_id)!, kind: i.kind, weight: decayed(EDGE_WEIGHTS[i.kind], i.occurred_at, now) })),
    followFrom: Int32Array.from(follows.rows, (f) => index.get(f.follower_id)!),
    followTo: Int32Array.from(follows.rows, (f) => index.get(f.followee_id)!),
    topicPosts, likesReceived, repliesReceived, repostsReceived, quotesReceived, followers,
    counts: {
      posts: active.rows.reduce((sum, a) => sum + a.posts, 0),
      interactions: interactions.rows.length,
      follows: follows.rows.length,
      activeAuthors: active.rows.length,
      activeWithFollowLists: active.rows.filter((a) => collected.has(a.author_id)).length,
    },
  }
}
