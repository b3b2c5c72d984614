// A topic graph of a given size in the shape GET /v1/topics/{id}/graph answers: nodes in ten
// communities, edges mostly inside a community, influence skewed (a few accounts matter most).
// Deterministic (a fixed linear congruential sequence) so runs compare.
export function syntheticGraph(nodeCount: number, edgeCount: number) {
  let seed = 42
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  const nodes = Array.from({ length: nodeCount }, (_, i) => ({
    id: String(i + 1), handle: `account${i}@sandbox.example`, network: i % 3 === 0 ? 'bluesky' : 'mastodon', displayName: `Account ${i}`, url: null, followersCount: null,
    influence: 100 / (1 + i / 50), relay: 100 / (1 + ((i * 7) % nodeCount) / 50), influenceRank: i + 1, relayRank: ((i * 7) % nodeCount) + 1, community: i % 10, prospect: false,
  }))
  const edges = Array.from({ length: edgeCount }, () => {
    const source = Math.floor(random() * nodeCount)
    const sameCommunity = random() < 0.85
    let target = Math.floor(random() * nodeCount)
    if (sameCommunity) target = target - (target % 10) + (source % 10)
    if (target >= nodeCount || target === source) target = (source + 10) % nodeCount
    return { source: String(source + 1), target: String(target + 1), kind: 'follow', weight: 1, firstAt: '2026-11-01T00:00:00.000Z', lastAt: '2026-11-20T00:00:00.000Z' }
  })
  return { scoreRun: { id: 1, computedAt: '2026-11-20T06:00:00.000Z', windowStart: '2026-10-21T06:00:00.000Z' }, nodes, edges, truncated: { nodes: false, edges: false } }
}
