import { PARALLEL_MIN_EDGES } from './pagerank-threads.ts'
import { countDegrees, validateEdges } from './validate-edges.ts'
import type { Graph, IndexArray, WeightArray } from './types.ts'

/**
 * Builds a directed CSR graph from an edge list `src[e] → dst[e]` with optional weights.
 *
 * - Parallel edges are merged and their weights summed (an unweighted list with repeats becomes
 *   weighted by multiplicity).
 * - Self-loops are kept in the directed graph (PageRank treats them as networkx does: a node
 *   passes part of its rank to itself) and left out of the undirected view.
 * - No weights and no repeats: weight arrays are `null` (8 bytes per edge in total).
 *
 * Two stable counting sorts (by target, then by source) give rows sorted by target without a
 * comparison sort, so the build is linear in n + m.
 */
export function fromEdges(
  n: number,
  src: IndexArray,
  dst: IndexArray,
  weight?: WeightArray,
): Graph {
  validateEdges(n, src, dst, weight)
  const m = src.length

  const { bySource: outOffsets, byTarget: byTargetOffsets } = countDegrees(n, src, dst)

  // The in-adjacency of a large graph is read by PageRank's helper thread: placed on shared memory
  // from the start, it is not copied there (40 MB for 10M edges).
  const shared = m >= PARALLEL_MIN_EDGES

  // Pass 1: group edges by target.
  const byTargetSources = int32(m, shared)
  const byTargetWeights = weight === undefined ? null : new Float64Array(m)
  const cursor = byTargetOffsets.slice(0, n)
  for (let e = 0; e < m; e++) {
    const pos = cursor[dst[e]]++
    byTargetSources[pos] = src[e]
    if (byTargetWeights !== null) byTargetWeights[pos] = (weight as WeightArray)[e]
  }

  // Pass 2: walking targets in increasing order fills each source row already sorted.
  const targets = new Int32Array(m)
  let weights = byTargetWeights === null ? null : new Float64Array(m)
  cursor.set(outOffsets.subarray(0, n))
  for (let v = 0; v < n; v++) {
    for (let p = byTargetOffsets[v], end = byTargetOffsets[v + 1]; p < end; p++) {
      const pos = cursor[byTargetSources[p]]++
      targets[pos] = v
      if (weights !== null) weights[pos] = (byTargetWeights as Float64Array)[p]
    }
  }

  if (weights === null && !hasRepeats(n, outOffsets, targets)) {
    // Nothing to merge: the in-degrees are the ones counted from the input.
    return transpose(n, outOffsets, targets, null, byTargetOffsets, byTargetSources, shared)
  }
  if (weights === null) weights = new Float64Array(m).fill(1)

  // Pass 3: merge repeats inside each sorted row, compacting in place.
  let write = 0
  let rowStart = 0
  for (let u = 0; u < n; u++) {
    const rowEnd = outOffsets[u + 1]
    const keptStart = write
    for (let p = rowStart; p < rowEnd; p++) {
      if (write > keptStart && targets[write - 1] === targets[p]) {
        weights[write - 1] += weights[p]
        continue
      }
      targets[write] = targets[p]
      weights[write] = weights[p]
      write++
    }
    rowStart = rowEnd
    outOffsets[u + 1] = write
  }
  const outTargets = write === m ? targets : targets.slice(0, write)
  const outWeights = write === m ? weights : weights.slice(0, write)
  const inOffsets = write === m ? byTargetOffsets : countOffsets(n, outTargets)
  // A fresh array when repeats were merged, so the graph does not pin the larger scratch buffer.
  const inSources = write === m ? byTargetSources : int32(write, shared)
  return transpose(n, outOffsets, outTargets, outWeights, inOffsets, inSources, shared)
}

function countOffsets(n: number, keys: IndexArray): Int32Array {
  const offsets = new Int32Array(n + 1)
  for (let e = 0; e < keys.length; e++) offsets[keys[e] + 1]++
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v]
  return offsets
}

function hasRepeats(n: number, offsets: Int32Array, targets: Int32Array): boolean {
  for (let u = 0; u < n; u++) {
    for (let p = offsets[u] + 1, end = offsets[u + 1]; p < end; p++) {
      if (targets[p] === targets[p - 1]) return true
    }
  }
  return false
}

/**
 * Derives the in-adjacency from the merged out-adjacency into `inSources` (m long). Visiting
 * sources in increasing order leaves every in-row sorted.
 */
function transpose(
  n: number,
  outOffsets: Int32Array,
  outTargets: Int32Array,
  outWeights: Float64Array | null,
  inOffsets: Int32Array,
  inSources: Int32Array,
  shared: boolean,
): Graph {
  const m = outTargets.length
  const inWeights = outWeights === null ? null : shared ? new Float64Array(new SharedArrayBuffer(m * 8)) : new Float64Array(m)
  const cursor = inOffsets.slice(0, n)
  for (let u = 0; u < n; u++) {
    for (let p = outOffsets[u], end = outOffsets[u + 1]; p < end; p++) {
      const pos = cursor[outTargets[p]]++
      inSources[pos] = u
      if (inWeights !== null) inWeights[pos] = (outWeights as Float64Array)[p]
    }
  }
  return { nodeCount: n, edgeCount: m, outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights }
}

function int32(length: number, shared: boolean): Int32Array {
  return shared ? new Int32Array(new SharedArrayBuffer(length * 4)) : new Int32Array(length)
}
