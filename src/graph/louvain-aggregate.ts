import type { LevelGraph } from './louvain-level.ts'

/**
 * Renumbers communities 0..k-1 in order of first appearance; returns the dense ids and k.
 */
export function denseIds(community: Int32Array): { ids: Int32Array; count: number } {
  const map = new Int32Array(community.length).fill(-1)
  const ids = new Int32Array(community.length)
  let count = 0
  for (let i = 0; i < community.length; i++) {
    const c = community[i]
    if (map[c] < 0) map[c] = count++
    ids[i] = map[c]
  }
  return { ids, count }
}

/**
 * Collapses each community into one node: edges between communities are summed, edges inside
 * a community become its self-loop weight. Strengths and the total weight are preserved, so
 * modularity of the collapsed partition equals that of the original one.
 */
export function aggregate(level: LevelGraph, ids: Int32Array, count: number): LevelGraph {
  const { nodeCount: n, offsets, neighbors, weights, selfWeight, strength } = level
  // Members of each community, contiguous (counting sort by community id).
  const memberOffsets = new Int32Array(count + 1)
  for (let i = 0; i < n; i++) memberOffsets[ids[i] + 1]++
  for (let c = 0; c < count; c++) memberOffsets[c + 1] += memberOffsets[c]
  const members = new Int32Array(n)
  const cursor = memberOffsets.slice(0, count)
  for (let i = 0; i < n; i++) members[cursor[ids[i]]++] = i

  const newOffsets = new Int32Array(count + 1)
  const newNeighbors = new Int32Array(neighbors.length)
  const newWeights = new Float64Array(neighbors.length)
  const newSelf = new Float64Array(count)
  const newStrength = new Float64Array(count)
  const slot = new Int32Array(count).fill(-1) // position of community d in the row being built
  let write = 0
  for (let c = 0; c < count; c++) {
    const rowStart = write
    for (let q = memberOffsets[c], qEnd = memberOffsets[c + 1]; q < qEnd; q++) {
      const i = members[q]
      newSelf[c] += selfWeight[i]
      newStrength[c] += strength[i]
      for (let p = offsets[i], end = offsets[i + 1]; p < end; p++) {
        const d = ids[neighbors[p]]
        if (d === c) {
          newSelf[c] += weights[p]
          continue
        }
        let at = slot[d]
        if (at < rowStart) {
          at = write++
          slot[d] = at
          newNeighbors[at] = d
          newWeights[at] = 0
        }
        newWeights[at] += weights[p]
      }
    }
    newOffsets[c + 1] = write
  }
  return {
    nodeCount: count,
    offsets: newOffsets,
    neighbors: newNeighbors.slice(0, write),
    weights: newWeights.slice(0, write),
    selfWeight: newSelf,
    strength: newStrength,
    total: level.total,
  }
}
