import type { GraphCandidate } from './graph-candidates.ts'

/**
 * The order a workspace's follow lists are read in, sharing its budget across its topics: round
 * robin over the topics, each giving its next candidate (each topic's own list is stalest first).
 * The topics take turns starting with the one served longest ago (whose most recently read list
 * is the oldest; never served first), so when the budget is smaller than the work, the topics left
 * out of one run go first in the next: none waits for the topics created before it. An account
 * several topics share is read once, for the first topic that reaches it.
 */
export function shareAcrossTopics<T>(perTopic: readonly { topic: T; candidates: readonly GraphCandidate[] }[]): { topic: T; account: GraphCandidate }[] {
  const turns = perTopic
    .map((entry, index) => ({ ...entry, index, served: lastServed(entry.candidates) }))
    .sort((a, b) => a.served - b.served || a.index - b.index)
  const order: { topic: T; account: GraphCandidate }[] = []
  const taken = new Set<number>()
  const positions = turns.map(() => 0)
  for (let more = true; more;) {
    more = false
    turns.forEach(({ topic, candidates }, i) => {
      while (positions[i] < candidates.length && taken.has(candidates[positions[i]].accountId)) positions[i]++
      const account = candidates[positions[i]]
      if (account === undefined) return
      positions[i]++
      taken.add(account.accountId)
      order.push({ topic, account })
      more = true
    })
  }
  return order
}

/** When a topic last had a list read to the end: the newest `collectedAt` of its candidates. */
function lastServed(candidates: readonly GraphCandidate[]): number {
  return candidates.reduce((newest, c) => Math.max(newest, c.collectedAt?.getTime() ?? Number.NEGATIVE_INFINITY), Number.NEGATIVE_INFINITY)
}
