import { shuffleInPlace, type Prng } from './prng.ts'

/**
 * One Louvain level: an undirected weighted graph whose nodes may carry self-loop weight (the
 * internal weight of the communities they stand for after aggregation).
 */
export interface LevelGraph {
  nodeCount: number
  offsets: Int32Array
  neighbors: Int32Array
  weights: Float64Array
  /** A_ii: weight of the self-loop, counted in both directions. */
  selfWeight: Float64Array
  /** k_i = A_ii + Σ_j A_ij. */
  strength: Float64Array
  /** Σ_ij A_ij (twice the total undirected edge weight). */
  total: number
}

/** A move must beat staying by more than this fraction of the node's strength (rounding guard). */
const MIN_RELATIVE_GAIN = 1e-12

/**
 * Local moving phase. Nodes start alone and are taken from a queue (seeded random order at
 * first); each moves to the neighbouring community with the best modularity gain, and when it
 * moves, its neighbours outside the new community are queued again. Nodes whose surroundings did
 * not change are not re-examined, which is where most of the time of full sweeps goes (the
 * "fast local move" of Traag et al. 2019, also known as pruning, Ozaki et al. 2016). Ends when
 * no node can improve modularity. Returns each node's community (a representative node id).
 */
export function moveNodes(level: LevelGraph, resolution: number, prng: Prng): { community: Int32Array; moved: boolean } {
  const { nodeCount: n, offsets, neighbors, weights, strength, total } = level
  const community = new Int32Array(n)
  const communityStrength = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    community[i] = i
    communityStrength[i] = strength[i]
  }
  // Circular queue holding each node at most once.
  const queue = new Int32Array(n)
  for (let i = 0; i < n; i++) queue[i] = i
  shuffleInPlace(queue, prng)
  const queued = new Uint8Array(n).fill(1)
  let head = 0
  let size = n

  // Weight from the current node to each neighbouring community; -1 marks "not a neighbour",
  // restored for the touched entries after each node so the array is never cleared in full.
  const linkWeight = new Float64Array(n).fill(-1)
  const touched = new Int32Array(n)
  const penalty = resolution / total
  let movedAny = false

  while (size > 0) {
    const i = queue[head]
    head = head + 1 === n ? 0 : head + 1
    size--
    queued[i] = 0
    const current = community[i]
    const k = strength[i]
    const rowStart = offsets[i]
    const rowEnd = offsets[i + 1]
    let touchedCount = 0
    for (let p = rowStart; p < rowEnd; p++) {
      const c = community[neighbors[p]]
      const w = linkWeight[c]
      if (w < 0) {
        linkWeight[c] = weights[p]
        touched[touchedCount++] = c
      } else {
        linkWeight[c] = w + weights[p]
      }
    }
    communityStrength[current] -= k
    const stayLink = linkWeight[current]
    const stayGain = (stayLink < 0 ? 0 : stayLink) - penalty * communityStrength[current] * k
    let best = current
    let bestGain = stayGain + MIN_RELATIVE_GAIN * k
    for (let t = 0; t < touchedCount; t++) {
      const c = touched[t]
      const gain = linkWeight[c] - penalty * communityStrength[c] * k
      linkWeight[c] = -1
      if (gain > bestGain) {
        bestGain = gain
        best = c
      }
    }
    communityStrength[best] += k
    if (best === current) continue
    community[i] = best
    movedAny = true
    for (let p = rowStart; p < rowEnd; p++) {
      const j = neighbors[p]
      if (queued[j] === 0 && community[j] !== best) {
        queued[j] = 1
        let tail = head + size
        if (tail >= n) tail -= n
        queue[tail] = j
        size++
      }
    }
  }
  return { community, moved: movedAny }
}
