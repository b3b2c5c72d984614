/**
 * Shapes shared by the graph algorithms. A graph is stored as compressed sparse rows (CSR) on
 * typed arrays so that tens of millions of edges fit in one process with a few bytes per edge.
 */

/** Node indices as given by callers: 0..n-1. */
export type IndexArray = Int32Array | readonly number[]

/** Edge weights as given by callers. */
export type WeightArray = Float64Array | readonly number[]

/**
 * A directed graph in CSR form, both directions.
 *
 * Row `u` of the out-adjacency is `outTargets[outOffsets[u] .. outOffsets[u + 1])`, sorted by
 * target with no repeats; the in-adjacency mirrors it (row `v` lists the sources of edges into
 * `v`, sorted). Weights are `null` when every edge weighs 1, which halves the memory of an
 * unweighted graph.
 */
export interface Graph {
  readonly nodeCount: number
  /** Distinct directed edges after parallel edges were merged (self-loops included). */
  readonly edgeCount: number
  readonly outOffsets: Int32Array
  readonly outTargets: Int32Array
  readonly outWeights: Float64Array | null
  readonly inOffsets: Int32Array
  readonly inSources: Int32Array
  readonly inWeights: Float64Array | null
}

/**
 * The symmetrised view used by undirected algorithms: one row per node listing its distinct
 * neighbours (sorted), with weight w(u→v) + w(v→u). Self-loops are left out.
 */
export interface UndirectedGraph {
  readonly nodeCount: number
  readonly offsets: Int32Array
  readonly neighbors: Int32Array
  readonly weights: Float64Array
  /** Sum of all entries of the symmetric adjacency matrix (each undirected edge counted twice). */
  readonly totalWeight: number
}
