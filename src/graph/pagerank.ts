import { ConvergenceError, GraphInputError } from './errors.ts'
import { iterateUnweighted, iterateWeighted, type IterationState } from './pagerank-step.ts'
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

  const teleport = teleportVector(n, options.personalization)
  const { inverseOutWeight, dangling } = outWeightInverse(g)
  const rank = new Float64Array(n).fill(1 / n)
  let share = new Float64Array(n)
  let nextShare = new Float64Array(n)
  let danglingRank = 0
  for (let u = 0; u < n; u++) share[u] = rank[u] * inverseOutWeight[u]
  for (let i = 0; i < dangling.length; i++) danglingRank += rank[dangling[i]]

  const state: IterationState = { change: 0, danglingRank: 0 }
  let iterations = 0
  let change = Infinity
  while (iterations < maxIterations) {
    iterations++
    // Mass that lands on v by teleport or from dangling nodes, per unit of teleport weight.
    const spread = damping * danglingRank + (1 - damping)
    if (g.inWeights === null) {
      iterateUnweighted(g.inOffsets, g.inSources, share, nextShare, rank, inverseOutWeight, teleport, damping, spread, state)
    } else {
      iterateWeighted(g.inOffsets, g.inSources, g.inWeights, share, nextShare, rank, inverseOutWeight, teleport, damping, spread, state)
    }
    change = state.change
    danglingRank = state.danglingRank
    const used = share
    share = nextShare
    nextShare = used
    if (change < tolerance) break
  }
  normaliseInPlace(rank)
  return { ranks: rank, iterations, converged: change < tolerance, change }
}

function outWeightInverse(g: Graph): { inverseOutWeight: Float64Array; dangling: Int32Array } {
  const n = g.nodeCount
  const inverseOutWeight = new Float64Array(n)
  let danglingCount = 0
  for (let u = 0; u < n; u++) {
    let total = 0
    const start = g.outOffsets[u]
    const end = g.outOffsets[u + 1]
    if (g.outWeights === null) total = end - start
    else for (let p = start; p < end; p++) total += g.outWeights[p]
    if (total > 0) inverseOutWeight[u] = 1 / total
    else danglingCount++
  }
  const dangling = new Int32Array(danglingCount)
  for (let u = 0, i = 0; u < n; u++) if (inverseOutWeight[u] === 0) dangling[i++] = u
  return { inverseOutWeight, dangling }
}

/** Rounding drifts the sum by ~1e-15 per iteration; the contract is a vector summing to 1. */
function normaliseInPlace(values: Float64Array): void {
  let sum = 0
  for (let i = 0; i < values.length; i++) sum += values[i]
  for (let i = 0; i < values.length; i++) values[i] /= sum
}
