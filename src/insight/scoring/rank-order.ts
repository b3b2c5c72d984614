import type { AccountScore } from './compute-scores.ts'

/** Rank 1 = first; ties keep the order of the node indexes (stable across runs). */
function ranksBy(scores: AccountScore[], compare: (a: AccountScore, b: AccountScore) => number): Int32Array {
  const order = [...scores].sort((a, b) => compare(a, b) || a.node - b.node)
  const rank = new Int32Array(scores.length)
  order.forEach((s, i) => (rank[s.node] = i + 1))
  return rank
}

/** Influencers: every account that wrote on the topic by influence, then its audience by attention received. */
export const influenceRanks = (scores: AccountScore[]) =>
  ranksBy(scores, (a, b) => Number(a.audience) - Number(b.audience) || b.influence - a.influence || b.components.pageRank - a.components.pageRank)

/** Relays by relay score, then by how much they passed on, then by influence. */
export const relayRanks = (scores: AccountScore[]) =>
  ranksBy(scores, (a, b) => b.relay - a.relay || b.components.amplification - a.components.amplification || b.components.pageRank - a.components.pageRank)
