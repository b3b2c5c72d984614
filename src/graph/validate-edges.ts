import { GraphInputError } from './errors.ts'
import type { IndexArray, WeightArray } from './types.ts'

/**
 * Checks the shape of the arguments of `fromEdges` (node count, lengths, weights) so that a bad
 * edge list fails with a message naming the problem, not with a corrupt graph. Node indices are
 * checked while counting degrees (see countDegrees), which saves two passes over the edges.
 */
export function validateEdges(
  n: number,
  src: IndexArray,
  dst: IndexArray,
  weight: WeightArray | undefined,
): void {
  if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) {
    throw new GraphInputError(`node count must be a non-negative integer, got ${n}`)
  }
  if (src.length !== dst.length) {
    throw new GraphInputError(
      `src and dst must have the same length, got ${src.length} and ${dst.length}`,
    )
  }
  if (weight !== undefined && weight.length !== src.length) {
    throw new GraphInputError(
      `weight must have one entry per edge: ${weight.length} weights for ${src.length} edges`,
    )
  }
  if (src.length > 0x7fffffff) throw new GraphInputError('too many edges for 32-bit offsets')
  if (weight !== undefined) {
    for (let e = 0; e < weight.length; e++) {
      const w = weight[e]
      if (!(w >= 0) || w === Infinity) {
        throw new GraphInputError(`weight[${e}] must be a finite non-negative number, got ${w}`)
      }
    }
  }
}

/**
 * Out- and in-degree prefix sums (CSR offsets) of the raw edge list, checking every node index
 * on the way: throws before anything is written out of range.
 */
export function countDegrees(n: number, src: IndexArray, dst: IndexArray): { bySource: Int32Array; byTarget: Int32Array } {
  const bySource = new Int32Array(n + 1)
  const byTarget = new Int32Array(n + 1)
  for (let e = 0; e < src.length; e++) {
    const u = src[e]
    const v = dst[e]
    // Int32Array values are integers already; plain arrays may hold anything.
    if (!(u >= 0 && u < n) || (u | 0) !== u) throw badIndex('src', e, u, n)
    if (!(v >= 0 && v < n) || (v | 0) !== v) throw badIndex('dst', e, v, n)
    bySource[u + 1]++
    byTarget[v + 1]++
  }
  for (let v = 0; v < n; v++) {
    bySource[v + 1] += bySource[v]
    byTarget[v + 1] += byTarget[v]
  }
  return { bySource, byTarget }
}

function badIndex(name: string, e: number, value: number, n: number): GraphInputError {
  return new GraphInputError(`${name}[${e}] = ${value} is not a node index in 0..${n - 1}`)
}
