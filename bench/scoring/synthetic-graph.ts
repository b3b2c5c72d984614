import { createPrng, shuffleInPlace } from '../../src/graph/prng.ts'
import { buildAliasTable, drawAlias } from './alias-table.ts'

export interface SyntheticGraphOptions {
  nodes: number
  edges: number
  seed: number
  /** Power-law exponent of the out-degree distribution (≈2.5 for "who a user follows"). */
  outExponent?: number
  /** Power-law exponent of the in-degree distribution (≈2.1–2.3 for followers). */
  inExponent?: number
}

/**
 * Seeded Chung–Lu-style directed graph with power-law in- and out-degrees: node of out-rank r
 * gets ≈ m·r^(-1/(γout-1))/Σ out-edges, each drawn to a target with probability ∝ its in-weight.
 * Edges are distinct and without self-loops (repeats are redrawn), so the CSR stays unweighted.
 * Node ids are random permutations of the ranks, so hubs are scattered as in real data.
 */
export function syntheticGraph(options: SyntheticGraphOptions): { src: Int32Array; dst: Int32Array } {
  const { nodes: n, edges: m, seed } = options
  const prng = createPrng(seed)
  const outDegree = degreeSequence(n, m, options.outExponent ?? 2.5, prng)
  const inWeight = new Float64Array(n)
  const inPower = -1 / ((options.inExponent ?? 2.2) - 1)
  for (let r = 0; r < n; r++) inWeight[r] = Math.pow(r + 1, inPower)
  const targets = buildAliasTable(inWeight)
  const sourceIds = identityShuffled(n, prng)
  const targetIds = identityShuffled(n, prng)

  const src = new Int32Array(m)
  const dst = new Int32Array(m)
  const lastSource = new Int32Array(n).fill(-1) // marks targets already drawn for this source
  let e = 0
  for (let r = 0; r < n; r++) {
    const u = sourceIds[r]
    for (let k = 0; k < outDegree[r]; k++) {
      let v: number
      do v = targetIds[drawAlias(targets, prng)]
      while (v === u || lastSource[v] === u)
      lastSource[v] = u
      src[e] = u
      dst[e] = v
      e++
    }
  }
  return { src, dst }
}

/** Power-law expected degrees scaled to sum exactly m, randomly rounded, capped at n/4. */
function degreeSequence(n: number, m: number, exponent: number, prng: ReturnType<typeof createPrng>): Int32Array {
  const power = -1 / (exponent - 1)
  let total = 0
  for (let r = 0; r < n; r++) total += Math.pow(r + 1, power)
  const cap = Math.max(1, Math.floor(n / 4))
  const degree = new Int32Array(n)
  let assigned = 0
  for (let r = 0; r < n; r++) {
    const expected = (m * Math.pow(r + 1, power)) / total
    const d = Math.min(cap, Math.floor(expected) + (prng.next() < expected % 1 ? 1 : 0))
    degree[r] = d
    assigned += d
  }
  // Fix the total to m exactly by nudging random nodes.
  while (assigned < m) {
    const r = prng.nextInt(n)
    if (degree[r] < cap) (degree[r]++, assigned++)
  }
  while (assigned > m) {
    const r = prng.nextInt(n)
    if (degree[r] > 0) (degree[r]--, assigned--)
  }
  return degree
}

function identityShuffled(n: number, prng: ReturnType<typeof createPrng>): Int32Array {
  const ids = new Int32Array(n)
  for (let i = 0; i < n; i++) ids[i] = i
  return shuffleInPlace(ids, prng)
}
