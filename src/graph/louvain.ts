import { GraphInputError } from './errors.ts'
import { aggregate, denseIds } from './louvain-aggregate.ts'
import { moveNodes, type LevelGraph } from './louvain-level.ts'
import { DEFAULT_SEED, createPrng } from './prng.ts'
import { undirectedView } from './undirected-view.ts'
import type { Graph } from './types.ts'

export interface LouvainOptions {
  /** Modularity resolution γ: above 1 favours smaller communities. Default 1. */
  resolution?: number
  /** Seed of the node visit order; the same seed gives the same partition. */
  seed?: number
}

/**
 * Louvain community detection (Blondel et al. 2008) on the symmetrised weighted graph (see
 * undirectedView): local moving, then aggregation of communities into nodes, repeated while
 * a level still merges something. Returns the community of each node, numbered 0..k-1 in order
 * of first appearance. Isolated nodes get a community of their own.
 */
export function louvain(g: Graph, options: LouvainOptions = {}): Int32Array {
  const resolution = options.resolution ?? 1
  if (!(resolution > 0) || resolution === Infinity) {
    throw new GraphInputError(`resolution must be a positive number, got ${resolution}`)
  }
  const n = g.nodeCount
  const membership = new Int32Array(n)
  for (let v = 0; v < n; v++) membership[v] = v
  const view = undirectedView(g)
  if (view.totalWeight === 0) return membership

  const prng = createPrng(options.seed ?? DEFAULT_SEED)
  let level = firstLevel(view)
  for (;;) {
    const { community, moved } = moveNodes(level, resolution, prng)
    if (!moved) break
    const { ids, count } = denseIds(community)
    for (let v = 0; v < n; v++) membership[v] = ids[membership[v]]
    if (count === level.nodeCount) break
    level = aggregate(level, ids, count)
  }
  return denseIds(membership).ids
}

function firstLevel(view: ReturnType<typeof undirectedView>): LevelGraph {
  const n = view.nodeCount
  const strength = new Float64Array(n)
  for (let v = 0; v < n; v++) {
    let sum = 0
    for (let p = view.offsets[v], end = view.offsets[v + 1]; p < end; p++) sum += view.weights[p]
    strength[v] = sum
  }
  return {
    nodeCount: n,
    offsets: view.offsets,
    neighbors: view.neighbors,
    weights: view.weights,
    selfWeight: new Float64Array(n),
    strength,
    total: view.totalWeight,
  }
}
