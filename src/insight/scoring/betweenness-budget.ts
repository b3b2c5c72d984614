/**
 * How many sources the betweenness estimate walks. Betweenness enters no score (it is shown beside
 * the relay score and exported), and with a fixed 256 sources it was most of the score job's CPU
 * on a 50k-account topic: each source walks every tie. So the walk has a budget in tie visits,
 * between a floor of sources that keeps the estimate meaningful and the former 256.
 */
export const EXACT_BETWEENNESS_MAX_NODES = 3000
export const BETWEENNESS_SAMPLES = 256
export const MIN_BETWEENNESS_SAMPLES = 32
/** Tie visits allowed (sources × directed adjacency entries): about half a second of one core. */
export const BETWEENNESS_VISIT_BUDGET = 64_000_000

/** undefined: exact (every node a source); otherwise the number of sampled sources. */
export function betweennessSamples(nodes: number, ties: number): number | undefined {
  if (nodes <= EXACT_BETWEENNESS_MAX_NODES) return undefined
  const affordable = Math.floor(BETWEENNESS_VISIT_BUDGET / Math.max(1, 2 * ties))
  return Math.max(MIN_BETWEENNESS_SAMPLES, Math.min(BETWEENNESS_SAMPLES, affordable))
}
