import { ConvergenceError, GraphInputError } from './errors.ts'
import { defaultHelpers, onSharedMemory, singleThreadStepper, twoThreadStepper, type StepArrays } from './pagerank-threads.ts'
import { teleportVector } from './teleport-vector.ts'
import type { Graph, WeightArray } from './types.ts'

export interface PageRankOptions {
  /** Probability of following an edge rather than teleporting. Default 0.85. */
  damping?: number
  /** Teleport weights per node (normalised internally; all zero is an error). Default uniform. */
  personalization?: WeightArray
  /**
   * Stop when the L1 change between two iterates is below this. Default 1e-6. Unlike networkx
   * the bound is NOT multiplied by n (networkx stops at n × tol), so it stays meaningful on large
   * graphs; pass `n * 1e-6` to stop exactly where networkx does.
   */
  tolerance?: number
  /** Iteration budget. Default 100, as networkx. */
  maxIterations?: number
  /**
   * Helper threads (0 or 1). Default: 1 from a million edges on a machine with two cores or more,
   * else 0. The result is the same either way (each node's sum is taken in the same order).
   */
  threads?: number
}

export interface PageRankResult {
  ranks: Float64Array
  iterations: number
  converged: boolean
  /** L1 change of the last iteration. */
  change: number
}

/**
 * PageRank by power iteration, as networkx.pagerank: weighted edges (a node splits its rank in
 * proportion to its out-weights), dangling nodes (no out-weight) hand their rank out along the
 * personalization vector, and teleports follow the personalization vector. Throws a
 * ConvergenceError when the tolerance is not reached within maxIterations.
 */
export function pageRank(g: Graph, options: PageRankOptions = {}): Float64Array {
  const result = pageRankWithStats(g, options)
  if (!result.converged) {
    throw new ConvergenceError(
      `PageRank did not converge in ${result.iterations} iterations (L1 change ${result.change})`,
      result.iterations,
      result.change,
    )
  }
  return result.ranks
}

/** Same iteration, never throws on non-convergence: returns the last iterate and its stats. */
export function pageRankWithStats(g: Graph, options: PageRankOptions = {}): PageRankResult {
  const n = g.nodeCount
  const damping = options.damping ?? 0.85
  const tolerance = options.tolerance ?? 1e-6
  const maxIterations = options.maxIterations ?? 100
  if (!(damping >= 0 && damping <= 1)) throw new GraphInputError(`damping must be in [0, 1], got ${damping}`)
  if (!(tolerance > 0)) throw new GraphInputError(`tolerance must be positive, got ${tolerance}`)
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new GraphInputError(`maxIterations must be a positive integer, got ${maxIterations}`)
  }
  if (n === 0) return { ranks: new Float64Array(0), iterations: 0, converged: true, change: 0 }

  const helpers = options.threads ?? defaultHelpers(g.edgeCount)
  if (helpers !== 0 && helpers !== 1) throw new GraphInputError(`threads must be 0 or 1, got ${helpers}`)
  const arrays = stepArrays(g, options.personalization, damping, tolerance, helpers === 1)
  const { rank, inverseOutWeight, shares } = arrays
  let danglingRank = 0
  for (let u = 0; u < n; u++) {
    shares[0][u] = rank[u] * inverseOutWeight[u]
    if (inverseOutWeight[u] === 0) danglingRank += rank[u]
  }

  const stepper = helpers === 1 ? twoThreadStepper(arrays) : singleThreadStepper(arrays)
  let iterations = 0
  let change = Infinity
  try {
    while (iterations < maxIterations) {
      iterations++
      // Mass that lands on v by teleport or from dangling nodes, per unit of teleport weight.
      const step = stepper.step(damping * danglingRank + (1 - damping))
      change = step.change
      danglingRank = step.danglingRank
      if (change < tolerance) break
    }
  } finally {
    stepper.close()
  }
  // A copy on ordinary memory: callers must not share the helper's buffer by accident.
  const ranks = helpers === 1 ? Float64Array.from(rank) : rank
  normaliseInPlace(ranks)
  return { ranks, iterations, converged: change < tolerance, change }
}

/**
 * The arrays of one run. Shares (rank ÷ out-weight, read at random by every in-edge) are Float32
 * when the tolerance is 1e-6 or looser: half the memory traffic of the gather, and the rounding
 * (relative 6e-8 per share) stays far below the error the tolerance itself leaves. Ranks and sums
 * stay Float64. With a helper thread every array lives on shared memory.
 */
function stepArrays(g: Graph, personalization: WeightArray | undefined, damping: number, tolerance: number, shared: boolean): StepArrays {
  const n = g.nodeCount
  const compact = tolerance >= 1e-6
  const float64 = (length: number) => (shared ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length))
  const share = () => (compact ? (shared ? new Float32Array(new SharedArrayBuffer(n * 4)) : new Float32Array(n)) : float64(n))
  const teleport = teleportVector(n, personalization)
  const inverseOutWeight = outWeightInverse(g)
  const rank = float64(n).fill(1 / n)
  if (!shared) return { n, inOffsets: g.inOffsets, inSources: g.inSources, inWeights: g.inWeights, shares: [share(), share()], rank, inverseOutWeight, teleport, damping }
  const toShared64 = (a: Float64Array) => onSharedMemory(a, (b) => new Float64Array(b))
  return {
    n, damping, rank, shares: [share(), share()],
    inOffsets: onSharedMemory(g.inOffsets, (b) => new Int32Array(b)),
    inSources: onSharedMemory(g.inSources, (b) => new Int32Array(b)),
    inWeights: g.inWeights === null ? null : toShared64(g.inWeights),
    inverseOutWeight: toShared64(inverseOutWeight),
    teleport: toShared64(teleport),
  }
}

/** 1 / Σ out-weights per node; 0 marks a dangling node (no out-weight). */
function outWeightInverse(g: Graph): Float64Array {
  const n = g.nodeCount
  const inverseOutWeight = new Float64Array(n)
  for (let u = 0; u < n; u++) {
    let total = 0
    const start = g.outOffsets[u]
    const end = g.outOffsets[u + 1]
    if (g.outWeights === null) total = end - start
    else for (let p = start; p < end; p++) total += g.outWeights[p]
    if (total > 0) inverseOutWeight[u] = 1 / total
  }
  return inverseOutWeight
}

/** Rounding drifts the sum by ~1e-15 per iteration; the contract is a vector summing to 1. */
function normaliseInPlace(values: Float64Array): void {
  let sum = 0
  for (let i = 0; i < values.length; i++) sum += values[i]
  for (let i = 0; i < values.length; i++) values[i] /= sum
}
