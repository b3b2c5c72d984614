import type { Graph, UndirectedGraph } from './types.ts'

const cache = new WeakMap<Graph, UndirectedGraph>()

/**
 * The symmetrised graph used by undirected algorithms (Louvain, k-core, undirected
 * betweenness). Neighbours of u are the union of its out- and in-neighbours; the weight of
 * {u, v} is w(u→v) + w(v→u), so a reciprocated tie counts for both directions. Self-loops are
 * dropped. Built once per graph and cached.
 */
export function undirectedView(g: Graph): UndirectedGraph {
  const cached = cache.get(g)
  if (cached !== undefined) return cached
  const view = symmetrise(g)
  cache.set(g, view)
  return view
}

function symmetrise(g: Graph): UndirectedGraph {
  const n = g.nodeCount
  const { outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights } = g
  const offsets = new Int32Array(n + 1)
  // First pass sizes each row (merge of two sorted rows), second pass fills it.
  for (let u = 0; u < n; u++) {
    offsets[u + 1] = offsets[u] + mergeRows(u, outOffsets, outTargets, inOffsets, inSources, null, null, null, null, 0)
  }
  const size = offsets[n]
  const neighbors = new Int32Array(size)
  const weights = new Float64Array(size)
  let totalWeight = 0
  for (let u = 0; u < n; u++) {
    mergeRows(u, outOffsets, outTargets, inOffsets, inSources, outWeights, inWeights, neighbors, weights, offsets[u])
  }
  for (let p = 0; p < size; p++) totalWeight += weights[p]
  return { nodeCount: n, offsets, neighbors, weights, totalWeight }
}

/** Merges the sorted out-row and in-row of u, skipping u itself; returns the merged length. */
function mergeRows(
  u: number,
  outOffsets: Int32Array,
  outTargets: Int32Array,
  inOffsets: Int32Array,
  inSources: Int32Array,
  outWeights: Float64Array | null,
  inWeights: Float64Array | null,
  neighbors: Int32Array | null,
  weights: Float64Array | null,
  at: number,
): number {
  let a = outOffsets[u]
  const aEnd = outOffsets[u + 1]
  let b = inOffsets[u]
  const bEnd = inOffsets[u + 1]
  let count = 0
  while (a < aEnd || b < bEnd) {
    const va = a < aEnd ? outTargets[a] : 0x7fffffff
    const vb = b < bEnd ? inSources[b] : 0x7fffffff
    const v = va < vb ? va : vb
    let w = 0
    if (va === v) {
      w += outWeights === null ? 1 : outWeights[a]
      a++
    }
    if (vb === v) {
      w += inWeights === null ? 1 : inWeights[b]
      b++
    }
    if (v === u) continue
    if (neighbors !== null && weights !== null) {
      neighbors[at + count] = v
      weights[at + count] = w
    }
    count++
  }
  return count
}
