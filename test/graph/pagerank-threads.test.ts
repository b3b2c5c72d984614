import t from 'tap'
import { fromEdges, pageRankWithStats } from '../../src/graph/index.ts'
import { syntheticGraph } from '../../bench/scoring/synthetic-graph.ts'
import { bothDirections, karate } from './fixtures/reference-graphs.ts'

const l1 = (a: Float64Array, b: Float64Array) => a.reduce((sum, x, i) => sum + Math.abs(x - b[i]), 0)

t.test('a helper thread gives the same ranks as one thread, weighted or not', async (t) => {
  const { src, dst } = syntheticGraph({ nodes: 20_000, edges: 200_000, seed: 7 })
  const weight = Float64Array.from(src, (u, e) => 1 + ((u + dst[e]) % 5))
  for (const [label, g] of [['unweighted', fromEdges(20_000, src, dst)], ['weighted', fromEdges(20_000, src, dst, weight)]] as const) {
    for (const tolerance of [1e-6, 1e-10]) {
      const one = pageRankWithStats(g, { threads: 0, tolerance })
      const two = pageRankWithStats(g, { threads: 1, tolerance })
      t.equal(two.iterations, one.iterations, `${label}, tolerance ${tolerance}: same iterations (${one.iterations})`)
      // Each node's sum runs in the same order on either thread: the iterates are identical.
      t.equal(l1(one.ranks, two.ranks), 0, `${label}, tolerance ${tolerance}: identical ranks`)
      t.ok(two.converged)
    }
  }
})

t.test('Float32 shares (tolerance 1e-6) stay within the tolerance of the Float64 iteration', async (t) => {
  const club = karate()
  const { src, dst } = bothDirections(club)
  const g = fromEdges(club.n, src, dst)
  const exact = pageRankWithStats(g, { tolerance: 1e-13 }).ranks
  for (const threads of [0, 1]) {
    const compact = pageRankWithStats(g, { tolerance: 1e-6, threads }).ranks
    // networkx's published value for node 33, to its 6 digits.
    t.ok(Math.abs(compact[33] - 0.100918) < 1e-5, `threads ${threads}: node 33 ${compact[33]}`)
    t.ok(l1(compact, exact) < 1e-5, `threads ${threads}: L1 distance to the tight Float64 run ${l1(compact, exact).toExponential(2)}`)
  }
  const { src: s, dst: d } = syntheticGraph({ nodes: 50_000, edges: 500_000, seed: 3 })
  const big = fromEdges(50_000, s, d)
  const tight = pageRankWithStats(big, { tolerance: 1e-12 }).ranks
  const loose = pageRankWithStats(big, { tolerance: 1e-6, threads: 1 }).ranks
  t.ok(l1(loose, tight) < 1e-5, `50k nodes: L1 distance ${l1(loose, tight).toExponential(2)} to the tight run`)
})

t.test('threads other than 0 or 1 are refused', async (t) => {
  const g = fromEdges(2, [0], [1])
  t.throws(() => pageRankWithStats(g, { threads: 3 }), /threads must be 0 or 1/)
})
