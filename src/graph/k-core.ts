import { undirectedView } from './undirected-view.ts'
import type { Graph } from './types.ts'

/**
 * Core number of each node on the symmetrised graph (distinct neighbours, self-loops ignored):
 * the largest k such that the node belongs to a subgraph where every node has ≥ k neighbours.
 * Batagelj–Zaversnik bucket peeling, O(n + m).
 */
export function kCore(g: Graph): Int32Array {
  const { nodeCount: n, offsets, neighbors } = undirectedView(g)
  const degree = new Int32Array(n)
  let maxDegree = 0
  for (let v = 0; v < n; v++) {
    degree[v] = offsets[v + 1] - offsets[v]
    if (degree[v] > maxDegree) maxDegree = degree[v]
  }
  // Nodes sorted by degree (bucket sort); position[v] is v's index in `sorted`.
  const binStart = new Int32Array(maxDegree + 2)
  for (let v = 0; v < n; v++) binStart[degree[v] + 1]++
  for (let d = 0; d <= maxDegree; d++) binStart[d + 1] += binStart[d]
  const sorted = new Int32Array(n)
  const position = new Int32Array(n)
  const cursor = binStart.slice()
  for (let v = 0; v < n; v++) {
    position[v] = cursor[degree[v]]++
    sorted[position[v]] = v
  }
  for (let i = 0; i < n; i++) {
    const v = sorted[i]
    for (let p = offsets[v], end = offsets[v + 1]; p < end; p++) {
      const u = neighbors[p]
      if (degree[u] > degree[v]) {
        // Move u to the front of its bin, then shrink the bin: u's degree drops by one.
        const du = degree[u]
        const front = binStart[du]
        const w = sorted[front]
        if (w !== u) {
          sorted[front] = u
          sorted[position[u]] = w
          position[w] = position[u]
          position[u] = front
        }
        binStart[du]++
        degree[u]--
      }
    }
  }
  return degree
}
