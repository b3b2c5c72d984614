import { GraphInputError } from './errors.ts'
import { DEFAULT_SEED, createPrng, sampleDistinct } from './prng.ts'
import { undirectedView } from './undirected-view.ts'
import type { Graph } from './types.ts'

export interface BetweennessOptions {
  /** Divide by the number of ordered pairs not involving the node, as networkx. Default true. */
  normalized?: boolean
  /**
   * Estimate from this many source nodes, picked by a seeded PRNG, scaled by n / samples.
   * Absent (or ≥ n): exact, every node is a source.
   */
  samples?: number
  /** Seed for the source sample. A fixed default keeps repeated runs identical. */
  seed?: number
  /**
   * true (default): shortest paths follow edge directions as stored. false: paths run over the
   * symmetrised graph (an edge either way links two nodes), as for networkx on an undirected Graph.
   */
  directed?: boolean
}

/**
 * Betweenness centrality by Brandes' algorithm over UNWEIGHTED shortest paths (hop counts; edge
 * weights are ignored), with the scaling of networkx.betweenness_centrality.
 */
export function betweenness(g: Graph, options: BetweennessOptions = {}): Float64Array {
  const n = g.nodeCount
  const normalized = options.normalized ?? true
  const directed = options.directed ?? true
  const samples = options.samples
  if (samples !== undefined && (!Number.isInteger(samples) || samples < 1)) {
    throw new GraphInputError(`samples must be a positive integer, got ${samples}`)
  }
  const sampling = samples !== undefined && samples < n
  const sources = sampling ? sampleDistinct(n, samples, createPrng(options.seed ?? DEFAULT_SEED)) : null
  const view = directed ? null : undirectedView(g)
  const offsets = view === null ? g.outOffsets : view.offsets
  const targets = view === null ? g.outTargets : view.neighbors

  const centrality = new Float64Array(n)
  const work = createWorkspace(n, targets.length)
  const sourceCount = sources === null ? n : sources.length
  for (let i = 0; i < sourceCount; i++) {
    accumulateFromSource(sources === null ? i : sources[i], offsets, targets, work, centrality)
  }

  let scale = 1
  if (normalized) scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 1
  else if (!directed) scale = 0.5 // each unordered pair was counted from both ends
  if (sampling) scale *= n / sourceCount
  if (scale !== 1) for (let v = 0; v < n; v++) centrality[v] *= scale
  return centrality
}

interface Workspace {
  /** BFS visit order, reused as the stack of the dependency pass. */
  order: Int32Array
  /**
   * Two slots per node, kept side by side so one cache line serves both: [2v] distance from the
   * source (-1 unseen), [2v+1] number of shortest paths σ, replaced in the dependency pass by
   * (1 + δ)/σ once v is done.
   */
  state: Float64Array
  /** Successors on shortest paths, grouped by the BFS position of their predecessor. */
  successors: Int32Array
  /** successors[successorStart[i] .. successorStart[i + 1]) belong to order[i]. */
  successorStart: Int32Array
}

function createWorkspace(n: number, edgeCount: number): Workspace {
  const state = new Float64Array(2 * n)
  for (let v = 0; v < n; v++) state[2 * v] = -1
  return {
    order: new Int32Array(n),
    state,
    successors: new Int32Array(edgeCount),
    successorStart: new Int32Array(n + 1),
  }
}

/**
 * One Brandes step: breadth-first search from `source` counting shortest paths σ and recording
 * the shortest-path successors of each node, then dependencies δ pulled back from those
 * successors in reverse BFS order. With c_w = (1 + δ_w)/σ_w, Brandes' δ_v = Σ σ_v/σ_w (1 + δ_w)
 * = σ_v · Σ c_w, so the second pass is one addition per recorded edge and c_v takes σ_v's slot.
 */
function accumulateFromSource(
  source: number,
  offsets: Int32Array,
  targets: Int32Array,
  work: Workspace,
  centrality: Float64Array,
): void {
  const { order, state, successors, successorStart } = work
  state[2 * source] = 0
  state[2 * source + 1] = 1
  order[0] = source
  let head = 0
  let tail = 1
  let recorded = 0
  while (head < tail) {
    successorStart[head] = recorded
    const v = order[head++]
    const nextDistance = state[2 * v] + 1
    const paths = state[2 * v + 1]
    for (let p = offsets[v], end = offsets[v + 1]; p < end; p++) {
      const w = targets[p]
      const dw = state[2 * w]
      if (dw < 0) {
        state[2 * w] = nextDistance
        state[2 * w + 1] = paths
        order[tail++] = w
        successors[recorded++] = w
      } else if (dw === nextDistance) {
        state[2 * w + 1] += paths
        successors[recorded++] = w
      }
    }
  }
  successorStart[tail] = recorded
  for (let i = tail - 1; i > 0; i--) {
    const v = order[i]
    let sum = 0
    for (let q = successorStart[i], end = successorStart[i + 1]; q < end; q++) sum += state[2 * successors[q] + 1]
    const paths = state[2 * v + 1]
    centrality[v] += paths * sum
    state[2 * v + 1] = 1 / paths + sum
  }
  for (let i = 0; i < tail; i++) state[2 * order[i]] = -1
}
