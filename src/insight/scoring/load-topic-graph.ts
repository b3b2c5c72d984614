import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { Db } from '../../platform/db/db-handle.ts'
import { decayed, EDGE_WEIGHTS } from './edge-weights.ts'
import { idArray } from './id-array.ts'
import { inCanonicalOrder } from './canonical-order.ts'
import { loadFollowEdges } from './load-follows.ts'
import { loadTopicInteractions } from './load-interactions.ts'
import type { TopicGraph } from './topic-graph.ts'

/**
 * The topic graph from the database: accounts that posted on the topic since `since`, the
 * accounts they interacted with about it (a topical interaction is one made by an on-topic post,
 * or answering, reposting or quoting one), and the follow edges among all of them. What each
 * account wrote and received on the topic comes with it; how much a tie is worth is decided by
 * the scoring, not here.
 *
 * The statements run in one repeatable-read transaction, so they see one state of the database,
 * with JIT compilation off (its compile time exceeded what it saved on these hash joins) and room
 * for the hash tables of a large topic in memory instead of in batches spilled to disk.
 */
export async function loadTopicGraph(db: Kysely<DB>, topicId: string, since: Date, now: Date): Promise<TopicGraph> {
  return db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    await sql`select set_config('jit', 'off', true), set_config('work_mem', ${LOAD_WORK_MEM}, true)`.execute(trx)
    return loadWithin(trx, topicId, since, now)
  })
}

/** Memory for each hash table of the load's statements (a 500k-account topic's fit). */
const LOAD_WORK_MEM = '128MB'

async function loadWithin(db: Db, topicId: string, since: Date, now: Date): Promise<TopicGraph> {
  // Reposts are passing content on, not writing about the topic: counted by the interactions.
  // Posts put on the topic for the inbox without matching its query (a reply under the brand's
  // post, a mention of the brand's account) are not writing about the topic either.
  const active = await sql<{ author_id: number; posts: number; likes: number; replies: number; reposts: number; quotes: number }>`
    select p.author_id, count(*)::int as posts, sum(p.likes)::float8 as likes, sum(p.replies)::float8 as replies,
      sum(p.reposts)::float8 as reposts, sum(p.quotes)::float8 as quotes
    from topic_posts tp join posts p on p.id = tp.post_id
    where tp.topic_id = ${topicId} and tp.post_created_at >= ${since} and p.author_id is not null and p.repost_of_external_id is null
      and tp.via = 'query' and cardinality(tp.matched_terms) > 0
    group by p.author_id`.execute(db)

  const interactions = await loadTopicInteractions(db, topicId, since)
  const m = interactions.kinds.length

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
  const sources = new Int32Array(m)
  const targets = new Int32Array(m)
  for (let k = 0; k < m; k++) {
    sources[k] = node(interactions.sourceIds[k])
    targets[k] = node(interactions.targetIds[k])
  }

  const follows = await loadFollowEdges(db, accountIds, index)
  const accounts = accountIds.length === 0 ? { rows: [] } : await sql<{ v: number; network: string; external_id: string; handle: string; followers_count: number | null; collected: boolean; verified_links: string[] | null }>`
    select (n.ord - 1)::int as v, a.network, a.external_id, a.handle, a.followers_count, a.graph_collected_at is not null as collected,
      case when jsonb_array_length(a.verified_links) > 0 then a.verified_links end as verified_links
    from unnest(${idArray(accountIds)}::bigint[]) with ordinality as n(id, ord) join accounts a on a.id = n.id`.execute(db)

  const n = accountIds.length
  const perNode = () => new Float64Array(n)
  const [topicPosts, likesReceived, repliesReceived, repostsReceived, quotesReceived] = [perNode(), perNode(), perNode(), perNode(), perNode()]
  active.rows.forEach((a, v) => {
    // The active authors were given the first node indices, in this order.
    topicPosts[v] = a.posts
    likesReceived[v] = a.likes
    repliesReceived[v] = a.replies
    repostsReceived[v] = a.reposts
    quotesReceived[v] = a.quotes
  })
  // A network's counters can lag behind what was collected (or be absent from an import): what
  // was seen answering, reposting or quoting an on-topic post counts at least.
  const seen = { reply: perNode(), repost: perNode(), quote: perNode() }
  for (let k = 0; k < m; k++) {
    const kind = interactions.kinds[k]
    if (kind !== 'mention' && topicPosts[targets[k]] > 0) seen[kind][targets[k]]++
  }
  for (let v = 0; v < n; v++) {
    repliesReceived[v] = Math.max(repliesReceived[v], seen.reply[v])
    repostsReceived[v] = Math.max(repostsReceived[v], seen.repost[v])
    quotesReceived[v] = Math.max(quotesReceived[v], seen.quote[v])
  }
  const followers = new Float64Array(n).fill(Number.NaN)
  const networks = new Array<string>(n).fill('')
  const handles = new Array<string>(n).fill('')
  const identities = new Array<string>(n).fill('')
  const collected = new Uint8Array(n)
  const verifiedLinks = new Map<number, readonly string[]>()
  for (const a of accounts.rows) {
    networks[a.v] = a.network
    handles[a.v] = a.handle
    identities[a.v] = `${a.network}\u0000${a.external_id}`
    if (a.verified_links) verifiedLinks.set(a.v, a.verified_links)
    if (a.followers_count !== null) followers[a.v] = a.followers_count
    if (a.collected) collected[a.v] = 1
  }
  let activeWithFollowLists = 0
  for (let v = 0; v < active.rows.length; v++) activeWithFollowLists += collected[v]
  return inCanonicalOrder({
    accountIds, networks, handles, verifiedLinks,
    interactions: interactions.kinds.map((kind, k) => ({ source: sources[k], target: targets[k], kind, weight: decayed(EDGE_WEIGHTS[kind], interactions.occurredMs[k], now) })),
    followFrom: follows.from,
    followTo: follows.to,
    topicPosts, likesReceived, repliesReceived, repostsReceived, quotesReceived, followers,
    counts: {
      posts: active.rows.reduce((sum, a) => sum + a.posts, 0),
      interactions: m,
      follows: follows.from.length,
      activeAuthors: active.rows.length,
      activeWithFollowLists,
    },
  }, identities, active.rows.length)
}
