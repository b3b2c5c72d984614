import t from 'tap'
import { fromEdges, pageRank, pageRankWithStats, ConvergenceError } from '../../src/graph/index.ts'
import { bothDirections, karate } from './fixtures/reference-graphs.ts'

const sum = (values: Float64Array) => values.reduce((a, b) => a + b, 0)

t.test('karate club matches networkx.pagerank (alpha 0.85, unweighted)', async (t) => {
  const club = karate()
  const { src, dst } = bothDirections(club)
  const ranks = pageRank(fromEdges(club.n, src, dst))
  // Published networkx values for the unweighted karate club graph.
  t.ok(Math.abs(ranks[33] - 0.100918) < 1e-5, `node 33: ${ranks[33]}`)
  t.ok(Math.abs(ranks[0] - 0.097002) < 1e-5, `node 0: ${ranks[0]}`)
  t.ok(Math.abs(sum(ranks) - 1) < 1e-12)
})

t.test('personalization is the teleport vector', async (t) => {
  // Edges 0→1, 1→0, 1→2, 2→0; damping 1/2; teleport to node 0 only. With x = ½·Pᵀx + ½·e0:
  //   x1 = ½·x0, x2 = ½·(x1 / 2) = x0 / 8, x0 = ½·(x1 / 2 + x2) + ½ = 3x0/16 + ½
  //   ⇒ x0 = 8/13, x1 = 4/13, x2 = 1/13.
  const g = fromEdges(3, [0, 1, 1, 2], [1, 0, 2, 0])
  const ranks = pageRank(g, { damping: 0.5, personalization: [2, 0, 0], tolerance: 1e-12 })
  const expected = [8 / 13, 4 / 13, 1 / 13]
  for (let v = 0; v < 3; v++) t.ok(Math.abs(ranks[v] - expected[v]) < 1e-10, `node ${v}: ${ranks[v]}`)
})

t.test('dangling nodes hand their rank out along the personalization vector', async (t) => {
  // Chain 0→1→2, node 2 has no out-edge; damping 1/2.
  const g = fromEdges(3, [0, 1], [1, 2])
  // Uniform teleport: x0 = x2/6 + 1/6, x1 = x0/2 + x2/6 + 1/6, x2 = x1/2 + x2/6 + 1/6
  //   ⇒ x = (4, 6, 7) / 17.
  const uniform = pageRank(g, { damping: 0.5, tolerance: 1e-12 })
  ;[4 / 17, 6 / 17, 7 / 17].forEach((x, v) => t.ok(Math.abs(uniform[v] - x) < 1e-10, `uniform ${v}`))
  // Teleport to node 0 only: x0 = x2/2 + 1/2, x1 = x0/2, x2 = x1/2 ⇒ x = (4, 2, 1) / 7.
  // (Spreading the dangling rank uniformly instead would give a different x0.)
  const personal = pageRank(g, { damping: 0.5, personalization: [1, 0, 0], tolerance: 1e-12 })
  ;[4 / 7, 2 / 7, 1 / 7].forEach((x, v) => t.ok(Math.abs(personal[v] - x) < 1e-10, `personal ${v}`))
})

t.test('edge weights split rank, parallel edges add up', async (t) => {
  // 0→1 (3), 0→2 (1), 1→0, 2→0; damping 1/2, uniform teleport:
  //   x1 = ½·¾·x0 + 1/6, x2 = ½·¼·x0 + 1/6, x0 = ½(x1 + x2) + 1/6 ⇒ x = (4/9, 1/3, 2/9).
  const expected = [4 / 9, 1 / 3, 2 / 9]
  const weighted = fromEdges(3, [0, 0, 1, 2], [1, 2, 0, 0], [3, 1, 1, 1])
  const repeated = fromEdges(3, [0, 0, 0, 0, 1, 2], [1, 1, 1, 2, 0, 0])
  for (const g of [weighted, repeated]) {
    const ranks = pageRank(g, { damping: 0.5, tolerance: 1e-12 })
    expected.forEach((x, v) => t.ok(Math.abs(ranks[v] - x) < 1e-10, `node ${v}: ${ranks[v]}`))
  }
})

t.test('tolerance and iteration budget', async (t) => {
  const club = karate()
  const { src, dst } = bothDirections(club)
  const g = fromEdges(club.n, src, dst)
  const loose = pageRankWithStats(g, { tolerance: 1e-3 })
  const tight = pageRankWithStats(g, { tolerance: 1e-12 })
  t.ok(loose.converged && tight.converged)
  t.ok(loose.iterations < tight.iterations, `${loose.iterations} < ${tight.iterations}`)
  t.ok(loose.change < 1e-3 && tight.change < 1e-12)

  const capped = pageRankWithStats(g, { tolerance: 1e-12, maxIterations: 3 })
  t.equal(capped.iterations, 3)
  t.equal(capped.converged, false)
  t.ok(Math.abs(sum(capped.ranks) - 1) < 1e-12, 'the last iterate still sums to 1')
  t.throws(() => pageRank(g, { tolerance: 1e-12, maxIterations: 3 }), ConvergenceError)
})

t.test('bad options are refused', async (t) => {
  const g = fromEdges(3, [0, 1], [1, 2])
  t.throws(() => pageRank(g, { personalization: [0, 0, 0] }), { message: /at least one positive/ })
  t.throws(() => pageRank(g, { personalization: [1, 0] }), { message: /one entry per node/ })
  t.throws(() => pageRank(g, { personalization: [1, -1, 0] }), { message: /personalization\[1\]/ })
  t.throws(() => pageRank(g, { damping: 1.5 }), { message: /damping/ })
  t.throws(() => pageRank(g, { tolerance: 0 }), { message: /tolerance/ })
  t.throws(() => pageRank(g, { maxIterations: 0 }), { message: /maxIterations/ })
  t.same(Array.from(pageRank(fromEdges(0, [], []))), [])
})
