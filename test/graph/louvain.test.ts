import t from 'tap'
import { fromEdges, louvain, modularity } from '../../src/graph/index.ts'
import { karate } from './fixtures/reference-graphs.ts'

/** Two 5-cliques {0..4} and {5..9} joined by the edge 4–5. */
function twoCliques() {
  const src: number[] = []
  const dst: number[] = []
  for (const base of [0, 5]) {
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) src.push(base + i), dst.push(base + j)
  }
  src.push(4)
  dst.push(5)
  return fromEdges(10, src, dst)
}

t.test('modularity of known partitions', async (t) => {
  // 21 edges; each clique has 10 inside and degree sum 21: Q = 2·(10/21 − (21/42)²) = 20/21 − 1/2.
  const g = twoCliques()
  t.ok(Math.abs(modularity(g, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]) - (20 / 21 - 1 / 2)) < 1e-12)
  t.equal(modularity(g, new Array(10).fill(0)), 0, 'one community: Q = 0')
  // The karate club's two factions after the split: networkx.community.modularity gives 0.358235.
  const club = karate()
  const mrHi = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21])
  const factions = Array.from({ length: club.n }, (_, v) => (mrHi.has(v) ? 0 : 1))
  t.ok(Math.abs(modularity(fromEdges(club.n, club.src, club.dst), factions) - 0.358235) < 1e-6)
  t.throws(() => modularity(g, [0, 1]), { message: /one entry per node/ })
})

t.test('finds the two cliques', async (t) => {
  const communities = louvain(twoCliques(), { seed: 1 })
  t.same(Array.from(communities), [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
})

t.test('karate club reaches the best known modularity 0.4198', async (t) => {
  const club = karate()
  const g = fromEdges(club.n, club.src, club.dst)
  let best = -1
  for (let seed = 1; seed <= 20; seed++) {
    const communities = louvain(g, { seed })
    const q = modularity(g, communities)
    t.ok(q > 0.38, `seed ${seed}: Q = ${q}`)
    best = Math.max(best, q)
  }
  t.ok(Math.abs(best - 0.4198) < 1e-3, `best Q = ${best}`)
})

t.test('deterministic for a seed, numbered 0..k-1, direction-agnostic', async (t) => {
  const club = karate()
  const g = fromEdges(club.n, club.src, club.dst)
  const a = louvain(g, { seed: 7 })
  t.same(louvain(g, { seed: 7 }), a)
  const k = Math.max(...a) + 1
  t.same(new Set(a).size, k, 'community ids are dense')
  t.equal(a[0], 0, 'numbered in order of first appearance')
  const reversed = fromEdges(club.n, club.dst, club.src)
  t.same(louvain(reversed, { seed: 7 }), a, 'edge directions do not matter')
})

t.test('resolution, isolated nodes, empty graph', async (t) => {
  const club = karate()
  const g = fromEdges(club.n, club.src, club.dst)
  const coarse = Math.max(...louvain(g, { seed: 1, resolution: 0.3 })) + 1
  const fine = Math.max(...louvain(g, { seed: 1, resolution: 3 })) + 1
  t.ok(coarse < fine, `${coarse} communities at γ=0.3, ${fine} at γ=3`)
  t.same(Array.from(louvain(fromEdges(4, [0], [1]))), [0, 0, 1, 2])
  t.same(Array.from(louvain(fromEdges(3, [], []))), [0, 1, 2])
  t.throws(() => louvain(g, { resolution: 0 }), { message: /resolution/ })
})
