/** The inner loop of PageRank, one function per edge kind so each stays monomorphic and tight. */

export interface IterationState {
  change: number
  danglingRank: number
}

/**
 * One Jacobi step pulled over in-edges: rank[v] ← d·Σ share[u] + spread·teleport[v], where
 * share[u] = rank[u] / outWeight[u] from the previous step. Updates rank in place (the gather
 * reads only `share`) and prepares the next step's shares in the same pass.
 */
export function iterateUnweighted(
  inOffsets: Int32Array,
  inSources: Int32Array,
  share: Float64Array,
  nextShare: Float64Array,
  rank: Float64Array,
  inverseOutWeight: Float64Array,
  teleport: Float64Array,
  damping: number,
  spread: number,
  state: IterationState,
): void {
  const n = rank.length
  let change = 0
  let danglingRank = 0
  let p = 0
  for (let v = 0; v < n; v++) {
    const end = inOffsets[v + 1]
    // Two accumulators let consecutive gathers overlap.
    let even = 0
    let odd = 0
    for (; p + 1 < end; p += 2) {
      even += share[inSources[p]]
      odd += share[inSources[p + 1]]
    }
    if (p < end) even += share[inSources[p++]]
    const value = damping * (even + odd) + spread * teleport[v]
    change += Math.abs(value - rank[v])
    rank[v] = value
    const inverse = inverseOutWeight[v]
    nextShare[v] = value * inverse
    if (inverse === 0) danglingRank += value
  }
  state.change = change
  state.danglingRank = danglingRank
}

/** Same step with edge weights: share[u] = rank[u] / Σ out-weights of u, times w(u→v). */
export function iterateWeighted(
  inOffsets: Int32Array,
  inSources: Int32Array,
  inWeights: Float64Array,
  share: Float64Array,
  nextShare: Float64Array,
  rank: Float64Array,
  inverseOutWeight: Float64Array,
  teleport: Float64Array,
  damping: number,
  spread: number,
  state: IterationState,
): void {
  const n = rank.length
  let change = 0
  let danglingRank = 0
  let p = 0
  for (let v = 0; v < n; v++) {
    const end = inOffsets[v + 1]
    let incoming = 0
    for (; p < end; p++) incoming += share[inSources[p]] * inWeights[p]
    const value = damping * incoming + spread * teleport[v]
    change += Math.abs(value - rank[v])
    rank[v] = value
    const inverse = inverseOutWeight[v]
    nextShare[v] = value * inverse
    if (inverse === 0) danglingRank += value
  }
  state.change = change
  state.danglingRank = danglingRank
}
