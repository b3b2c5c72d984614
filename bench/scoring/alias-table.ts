import type { Prng } from '../../src/graph/prng.ts'

/**
 * Walker's alias method: after an O(n) setup, draws an index with probability proportional to
 * its weight in O(1), which keeps generating ten million edges cheap.
 */
export interface AliasTable {
  probability: Float64Array
  alias: Int32Array
}

export function buildAliasTable(weights: Float64Array): AliasTable {
  const n = weights.length
  let total = 0
  for (let i = 0; i < n; i++) total += weights[i]
  const probability = new Float64Array(n)
  const alias = new Int32Array(n)
  const small = new Int32Array(n)
  const large = new Int32Array(n)
  let smallCount = 0
  let largeCount = 0
  for (let i = 0; i < n; i++) {
    probability[i] = (weights[i] * n) / total
    if (probability[i] < 1) small[smallCount++] = i
    else large[largeCount++] = i
  }
  while (smallCount > 0 && largeCount > 0) {
    const s = small[--smallCount]
    const l = large[largeCount - 1]
    alias[s] = l
    probability[l] -= 1 - probability[s]
    if (probability[l] < 1) {
      largeCount--
      small[smallCount++] = l
    }
  }
  // Leftovers are 1 up to rounding.
  while (largeCount > 0) probability[large[--largeCount]] = 1
  while (smallCount > 0) probability[small[--smallCount]] = 1
  return { probability, alias }
}

export function drawAlias(table: AliasTable, prng: Prng): number {
  const i = prng.nextInt(table.probability.length)
  return prng.next() < table.probability[i] ? i : table.alias[i]
}
