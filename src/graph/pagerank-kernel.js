// The inner loop of PageRank, in plain JavaScript so that the main thread (through
// pagerank-kernel.d.ts) and the helper thread (pagerank-worker.js, which runs without the
// TypeScript loader) execute the very same code.

/**
 * One Jacobi step for the targets v in [from, to), pulled over in-edges:
 * rank[v] ← d·Σ share[u]·w(u→v) + spread·teleport[v], where share[u] = rank[u] / outWeight[u]
 * from the previous step. Updates rank in place (the gather reads only `share`, never `rank`), so
 * threads working on disjoint ranges need no lock, and prepares the next step's shares in the same
 * pass. Writes the range's L1 change and dangling rank to out[slot] and out[slot + 1].
 */
export function iterateRange(inOffsets, inSources, inWeights, share, nextShare, rank, inverseOutWeight, teleport, damping, spread, from, to, out, slot) {
  let change = 0
  let danglingRank = 0
  let p = inOffsets[from]
  for (let v = from; v < to; v++) {
    const end = inOffsets[v + 1]
    let incoming = 0
    if (inWeights === null) {
      // Two accumulators let consecutive gathers overlap.
      let odd = 0
      for (; p + 1 < end; p += 2) {
        incoming += share[inSources[p]]
        odd += share[inSources[p + 1]]
      }
      if (p < end) incoming += share[inSources[p++]]
      incoming += odd
    } else {
      for (; p < end; p++) incoming += share[inSources[p]] * inWeights[p]
    }
    const value = damping * incoming + spread * teleport[v]
    change += Math.abs(value - rank[v])
    rank[v] = value
    const inverse = inverseOutWeight[v]
    nextShare[v] = value * inverse
    if (inverse === 0) danglingRank += value
  }
  out[slot] = change
  out[slot + 1] = danglingRank
}
