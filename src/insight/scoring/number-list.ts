/**
 * The numbers of a comma-separated list of non-negative decimal integers (as `string_agg` returns
 * ids or epoch milliseconds), read digit by digit: no string per number. null (an aggregate over
 * no rows) is the empty list.
 */
export function numbersOf(list: string | null): Float64Array {
  if (list === null || list.length === 0) return new Float64Array(0)
  let count = 1
  for (let i = 0; i < list.length; i++) if (list.charCodeAt(i) === COMMA) count++
  const out = new Float64Array(count)
  let k = 0
  let value = 0
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i)
    if (c === COMMA) {
      out[k++] = value
      value = 0
    } else value = value * 10 + (c - ZERO)
  }
  out[k] = value
  return out
}

const COMMA = 44
const ZERO = 48
