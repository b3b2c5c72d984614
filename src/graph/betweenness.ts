import { accumulate } from './betweenness-threads.ts'
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
  /**
   * Helper threads (0 or 1). Default: 1 when sources × edges reach 16 million on a machine with
   * two cores or more (the sources are shared out), else 0.
   */
  threads?: number
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
  const sourceList = sources === null ? Int32Array.from({ length: n }, (_, i) => i) : Int32Array.from(sources)
  const sourceCount = sourceList.length
  const threads = options.threads
  if (threads !== undefined && threads !== 0 && threads !== 1) throw new GraphInputError(`threads must be 0 or 1, got ${threads}`)
  accumulate(sourceList, offsets, targets, centrality, threads)

  let scale = 1
  if (normalized) scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 1
  else if (!directed) scale = 0.5 // each unordered pair was counted from both ends
  if (sampling) scale *= n / sourceCount
  if (scale !== 1) for (let v = 0; v < n; v++) centrality[v] *= scale
  return centrality
}
