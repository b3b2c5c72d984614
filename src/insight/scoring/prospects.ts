import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { AccountScore } from './compute-scores.ts'
import { tiedToOwn } from './own-accounts.ts'
import type { TopicGraph } from './topic-graph.ts'

/** Prospects are sought among the top accounts on either ranking. */
export const PROSPECT_POOL = 100
/** Someone must have paid attention to a prospect on the topic: this many distinct accounts at least. */
export const PROSPECT_MIN_AUDIENCE = 2

/**
 * Prospects: accounts active on the topic (an on-topic post, an audience of their own), among the
 * top influencers or relays, on a network where the brand has an account (ties never cross
 * networks, so elsewhere "no tie" would say nothing), with no follow or interaction either way
 * with the brand's accounts. Returns node → rank within the prospects' own list (1..n), by
 * influence then relay.
 */
export async function findProspects(
  db: Kysely<DB>, graph: TopicGraph, scores: AccountScore[], influenceRank: Int32Array, relayRank: Int32Array, own: number[], ownNetworks: Set<string>,
): Promise<Map<number, number>> {
  if (own.length === 0) return new Map()
  const ownSet = new Set(own)
  const pool = scores.filter((s) =>
    !s.audience && !ownSet.has(graph.accountIds[s.node]) && ownNetworks.has(graph.networks[s.node]) &&
    s.components.inDegree >= PROSPECT_MIN_AUDIENCE &&
    (influenceRank[s.node] <= PROSPECT_POOL || (s.relay > 0 && relayRank[s.node] <= PROSPECT_POOL)))
  const tied = await tiedToOwn(db, pool.map((s) => graph.accountIds[s.node]), own)
  const kept = pool.filter((s) => !tied.has(graph.accountIds[s.node]))
  kept.sort((a, b) => influenceRank[a.node] - influenceRank[b.node] || relayRank[a.node] - relayRank[b.node])
  return new Map(kept.map((s, i) => [s.node, i + 1]))
}
