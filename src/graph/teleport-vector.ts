import { GraphInputError } from './errors.ts'
import type { WeightArray } from './types.ts'

/** The personalization (teleport) vector normalised to sum 1; uniform when absent. */
export function teleportVector(n: number, personalization: WeightArray | undefined): Float64Array {
  if (personalization === undefined) return new Float64Array(n).fill(1 / n)
  if (personalization.length !== n) {
    throw new GraphInputError(
      `personalization must have one entry per node: got ${personalization.length} for ${n} nodes`,
    )
  }
  let sum = 0
  for (let v = 0; v < n; v++) {
    const w = personalization[v]
    if (!(w >= 0) || w === Infinity) {
      throw new GraphInputError(`personalization[${v}] must be a finite non-negative number, got ${w}`)
    }
    sum += w
  }
  if (sum === 0) throw new GraphInputError('personalization must have at least one positive entry')
  const vector = new Float64Array(n)
  for (let v = 0; v < n; v++) vector[v] = personalization[v] / sum
  return vector
}
