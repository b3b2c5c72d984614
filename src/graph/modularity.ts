import { GraphInputError } from './errors.ts'
import { undirectedView } from './undirected-view.ts'
import type { Graph, IndexArray } from './types.ts'

/**
 * Newman modularity of a partition on the symmetrised weighted graph (the one Louvain
 * optimises): Q = Σ_c [ in_c / W − γ (tot_c / W)² ], W = Σ_ij A_ij. Returns 0 for a graph
 * without edges.
 */
export function modularity(g: Graph, communities: IndexArray, options: { resolution?: number } = {}): number {
  const n = g.nodeCount
  const resolution = options.resolution ?? 1
  if (communities.length !== n) {
    throw new GraphInputError(`communities must have one entry per node: got ${communities.length} for ${n}`)
  }
  for (let v = 0; v < n; v++) {
    const c = communities[v]
    if (!(c >= 0 && c < n) || (c | 0) !== c) {
      throw new GraphInputError(`communities[${v}] = ${c} is not a community id in 0..${n - 1}`)
    }
  }
  const view = undirectedView(g)
  const total = view.totalWeight
  if (total === 0) return 0
  const communityStrength = new Float64Array(n)
  let inside = 0
  for (let v = 0; v < n; v++) {
    const c = communities[v]
    for (let p = view.offsets[v], end = view.offsets[v + 1]; p < end; p++) {
      communityStrength[c] += view.weights[p]
      if (communities[view.neighbors[p]] === c) inside += view.weights[p]
    }
  }
  let expected = 0
  for (let c = 0; c < n; c++) expected += communityStrength[c] * communityStrength[c]
  return inside / total - (resolution * expected) / (total * total)
}
