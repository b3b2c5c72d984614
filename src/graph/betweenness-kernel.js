// Brandes' per-source step, in plain JavaScript so that the main thread (through
// betweenness-kernel.d.ts) and a helper thread (betweenness-worker.js, which runs without the
// TypeScript loader) execute the very same code.

/**
 * Scratch arrays for one thread, reused from source to source:
 * - order: BFS visit order, reused as the stack of the dependency pass;
 * - state: two slots per node side by side so one cache line serves both: [2v] distance from the
 *   source (-1 unseen), [2v+1] number of shortest paths σ, replaced in the dependency pass by
 *   (1 + δ)/σ once v is done;
 * - successors: successors on shortest paths, grouped by the BFS position of their predecessor;
 *   successors[successorStart[i] .. successorStart[i + 1]) belong to order[i].
 */
export function createWorkspace(n, edgeCount) {
  const state = new Float64Array(2 * n)
  for (let v = 0; v < n; v++) state[2 * v] = -1
  return { order: new Int32Array(n), state, successors: new Int32Array(edgeCount), successorStart: new Int32Array(n + 1) }
}

/** Adds the dependencies of every source in `sources` to `centrality`. */
export function accumulateFromSources(sources, offsets, targets, centrality) {
  const work = createWorkspace(centrality.length, targets.length)
  for (let i = 0; i < sources.length; i++) accumulateFromSource(sources[i], offsets, targets, work, centrality)
}

/**
 * One Brandes step: breadth-first search from `source` counting shortest paths σ and recording
 * the shortest-path successors of each node, then dependencies δ pulled back from those
 * successors in reverse BFS order. With c_w = (1 + δ_w)/σ_w, Brandes' δ_v = Σ σ_v/σ_w (1 + δ_w)
 * = σ_v · Σ c_w, so the second pass is one addition per recorded edge and c_v takes σ_v's slot.
 */
export function accumulateFromSource(source, offsets, targets, work, centrality) {
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
