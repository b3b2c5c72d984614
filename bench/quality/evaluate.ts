import { sql, type Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import { atK, nmi, spearman } from '../../test/helpers/planted-roles/metrics.ts'

export interface Truth {
  /** Planted handles per role (hub, bridge, star, spammer). */
  roles: Record<string, Set<string>>
  /** Planted community label of each handle that has one. */
  community: Map<string, string>
}

interface Row { handle: string; influence_rank: number; relay_rank: number; prospect: boolean; community: number; followers: number | null; relay: number; amplification: number; topic_posts: number; collected: boolean }

/** What bench/quality prints for one scored topic against its planted truth. */
export async function evaluate(db: Kysely<DB>, runId: number, truth: Truth) {
  const { rows } = await sql<Row>`
    select a.handle, s.influence_rank, s.relay_rank, s.prospect, s.community, a.followers_count as followers, s.relay,
      (s.components->>'amplification')::float8 as amplification, (s.components->>'topicPosts')::float8 as topic_posts,
      a.graph_collected_at is not null as collected
    from scores s join accounts a on a.id = s.account_id where s.run_id = ${runId}`.execute(db)
  const influencers = [...rows].sort((a, b) => a.influence_rank - b.influence_rank)
  const relays = [...rows].sort((a, b) => a.relay_rank - b.relay_rank)
  const handles = (list: Row[]) => list.map((r) => r.handle)
  const roles = Object.fromEntries(Object.entries(truth.roles).map(([role, planted]) => [role, {
    planted: planted.size,
    influencers: atK(handles(influencers), planted, 10),
    // Planted members with on-topic posts collected: the topic's query and languages may leave a
    // planted hub's posts out, and an account with nothing on the topic is no topic influencer.
    onTopic: rows.filter((r) => planted.has(r.handle) && r.topic_posts > 0).length,
    influencersOnTopic: atK(handles(influencers), new Set(rows.filter((r) => planted.has(r.handle) && r.topic_posts > 0).map((r) => r.handle)), 10),
    relays: atK(handles(relays), planted, 10),
    inInfluencersTop20: handles(influencers).slice(0, 20).filter((h) => planted.has(h)).length,
    inRelaysTop20: handles(relays).slice(0, 20).filter((h) => planted.has(h)).length,
    prospects: rows.filter((r) => r.prospect && planted.has(r.handle)).length,
    bestInfluenceRank: Math.min(...rows.filter((r) => planted.has(r.handle)).map((r) => r.influence_rank)),
    relayRanks: rows.filter((r) => planted.has(r.handle)).map((r) => r.relay_rank).sort((a, b) => a - b),
  }]))
  const labelled = rows.filter((r) => truth.community.has(r.handle))
  const labels = [...new Set(labelled.map((r) => truth.community.get(r.handle)!))]
  // Accounts whose follow list was collected: their ties are seen, so their community can be.
  const observed = labelled.filter((r) => r.collected)
  const labelOf = (list: Row[]) => list.map((r) => labels.indexOf(truth.community.get(r.handle)!))
  const top100 = influencers.slice(0, 100).filter((r) => r.followers !== null)
  return {
    accounts: rows.length,
    roles,
    nmi: nmi(labelled.map((r) => r.community), labelled.map((r) => labels.indexOf(truth.community.get(r.handle)!))),
    nmiAccounts: labelled.length,
    nmiObserved: observed.length > 0 ? nmi(observed.map((r) => r.community), labelOf(observed)) : null,
    nmiObservedAccounts: observed.length,
    spearmanFollowersInfluence: spearman(top100.map((r) => r.followers!), top100.map((r) => -r.influence_rank)),
    relaysTop10ZeroAmplification: relays.slice(0, 10).filter((r) => !(r.amplification > 0)).length,
    prospects: rows.filter((r) => r.prospect).length,
  }
}
