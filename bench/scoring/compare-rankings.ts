/** How far two rank vectors agree: shared top-k nodes, same top-k order, and L1 distance. */
export function compareRankings(a: Float64Array, b: Float64Array, k: number) {
  const topA = topIndices(a, k)
  const topB = topIndices(b, k)
  const inB = new Set(topB)
  let l1 = 0
  for (let i = 0; i < a.length; i++) l1 += Math.abs(a[i] - b[i])
  return {
    overlap: topA.filter((v) => inB.has(v)).length,
    sameOrder: topA.every((v, i) => v === topB[i]),
    l1,
  }
}

function topIndices(values: Float64Array, k: number): number[] {
  const top: number[] = []
  for (let i = 0; i < values.length; i++) {
    if (top.length < k || values[i] > values[top[top.length - 1]]) {
      top.push(i)
      top.sort((x, y) => values[y] - values[x])
      if (top.length > k) top.pop()
    }
  }
  return top
}
