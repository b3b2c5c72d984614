import t from 'tap'
import { betweenness, fromEdges } from '../../src/graph/index.ts'
import { syntheticGraph } from '../../bench/scoring/synthetic-graph.ts'
import { bothDirections, karate } from './fixtures/reference-graphs.ts'

t.test('a helper thread gives the same betweenness as one thread', async (t) => {
  const club = karate()
  const { src, dst } = bothDirections(club)
  const small = betweenness(fromEdges(club.n, src, dst), { directed: false, threads: 1 })
  // networkx.betweenness_centrality(karate_club_graph()) for node 0, published.
  t.ok(Math.abs(small[0] - 0.437635) < 1e-6, `karate node 0 with a helper thread: ${small[0]}`)

  const { src: s, dst: d } = syntheticGraph({ nodes: 5_000, edges: 40_000, seed: 11 })
  const g = fromEdges(5_000, s, d)
  for (const directed of [true, false]) {
    const one = betweenness(g, { samples: 64, directed, threads: 0 })
    const two = betweenness(g, { samples: 64, directed, threads: 1 })
    let worst = 0
    for (let v = 0; v < one.length; v++) worst = Math.max(worst, Math.abs(one[v] - two[v]) / Math.max(one[v], 1e-12))
    // The halves are added at the end: only the order of the additions differs.
    t.ok(worst < 1e-12, `directed ${directed}: largest relative difference ${worst.toExponential(2)}`)
    t.ok(one.some((x) => x > 0))
  }
  t.throws(() => betweenness(g, { threads: 2 }), /threads must be 0 or 1/)
})
