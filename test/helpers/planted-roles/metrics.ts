// Measures of a ranking and a partition against what was planted, shared by the planted-network
// tests and bench/quality.

/** Of the first k of `ranked`, the share that are planted (precision) and the share of planted found there (recall). */
export function atK<T>(ranked: readonly T[], planted: ReadonlySet<T>, k = 10): { precision: number; recall: number } {
  const top = ranked.slice(0, k)
  const hits = top.filter((x) => planted.has(x)).length
  return { precision: top.length ? hits / Math.min(k, top.length) : 0, recall: planted.size ? hits / planted.size : 0 }
}

/** Normalised mutual information (arithmetic mean normalisation, as scikit-learn's default) of two labellings. */
export function nmi(a: readonly number[], b: readonly number[]): number {
  const n = a.length
  if (n === 0) return 0
  const count = (xs: readonly number[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<number, number>())
  const ca = count(a)
  const cb = count(b)
  const joint = new Map<string, number>()
  for (let i = 0; i < n; i++) joint.set(`${a[i]} ${b[i]}`, (joint.get(`${a[i]} ${b[i]}`) ?? 0) + 1)
  const entropy = (c: Map<number, number>) => [...c.values()].reduce((h, k) => h - (k / n) * Math.log(k / n), 0)
  let mi = 0
  for (const [key, k] of joint) {
    const [x, y] = key.split(' ').map(Number)
    mi += (k / n) * Math.log((k * n) / (ca.get(x)! * cb.get(y)!))
  }
  const ha = entropy(ca)
  const hb = entropy(cb)
  return ha + hb === 0 ? 1 : (2 * mi) / (ha + hb)
}

/** Spearman rank correlation, ties given their mean rank. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  const rx = meanRanks(x)
  const ry = meanRanks(y)
  const n = x.length
  const mean = (n + 1) / 2
  let sxy = 0, sxx = 0, syy = 0
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mean) * (ry[i] - mean)
    sxx += (rx[i] - mean) ** 2
    syy += (ry[i] - mean) ** 2
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : 0
}

function meanRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0])
  const ranks = new Array<number>(values.length)
  for (let i = 0; i < order.length;) {
    let j = i
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++
    for (let k = i; k <= j; k++) ranks[order[k][1]] = (i + j) / 2 + 1
    i = j + 1
  }
  return ranks
}
