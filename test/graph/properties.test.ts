import t from 'tap'
import fc from 'fast-check'
import { betweenness, fromEdges, kCore, louvain, modularity, pageRank } from '../../src/graph/index.ts'

/** Random small directed multigraphs with self-loops and weights. */
const edgeLists = fc.integer({ min: 1, max: 25 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(
      fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.double({ min: 0.1, max: 10, noNaN: true })),
      { maxLength: 80 },
    ),
  }),
)

const build = ({ n, edges }: { n: number; edges: [number, number, number][] }, reversed = false) =>
  fromEdges(
    n,
    edges.map((e) => (reversed ? e[1] : e[0])),
    edges.map((e) => (reversed ? e[0] : e[1])),
    edges.map((e) => e[2]),
  )

t.test('PageRank is a probability vector', async (t) => {
  fc.assert(
    fc.property(edgeLists, (input) => {
      const ranks = pageRank(build(input), { tolerance: 1e-9, maxIterations: 1000 })
      const total = ranks.reduce((a, b) => a + b, 0)
      return Math.abs(total - 1) < 1e-9 && ranks.every((x) => x > 0)
    }),
  )
  t.pass('held for all generated graphs')
})

t.test('undirected measures ignore edge direction', async (t) => {
  fc.assert(
    fc.property(edgeLists, (input) => {
      const g = build(input)
      const r = build(input, true)
      const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
        Array.from(a).every((x, i) => Math.abs(x - b[i]) < 1e-9)
      return (
        same(betweenness(g, { directed: false }), betweenness(r, { directed: false })) &&
        same(kCore(g), kCore(r)) &&
        same(louvain(g, { seed: 3 }), louvain(r, { seed: 3 }))
      )
    }),
  )
  t.pass('held for all generated graphs')
})

t.test('Louvain never does worse than singletons', async (t) => {
  fc.assert(
    fc.property(edgeLists, fc.integer(), (input, seed) => {
      const g = build(input)
      const singletons = Array.from({ length: input.n }, (_, v) => v)
      return modularity(g, louvain(g, { seed })) >= modularity(g, singletons) - 1e-12
    }),
  )
  t.pass('held for all generated graphs')
})
