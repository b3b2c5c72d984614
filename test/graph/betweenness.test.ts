import t from 'tap'
import { betweenness, fromEdges } from '../../src/graph/index.ts'
import { bothDirections, florentine, karate, miserables } from './fixtures/reference-graphs.ts'

const close = (actual: number, expected: number, tolerance = 1e-5) => Math.abs(actual - expected) < tolerance

t.test('published normalised betweenness values (unweighted, undirected)', async (t) => {
  const club = karate()
  const undirected = betweenness(fromEdges(club.n, club.src, club.dst), { directed: false })
  t.ok(close(undirected[0], 0.437635), `karate node 0: ${undirected[0]}`)

  const families = florentine()
  const medici = families.labels.indexOf('Medici')
  const fb = betweenness(fromEdges(families.n, families.src, families.dst), { directed: false })
  t.ok(close(fb[medici], 0.521978), `Medici: ${fb[medici]}`)

  const novel = miserables()
  const valjean = novel.labels.indexOf('Valjean')
  const mb = betweenness(fromEdges(novel.n, novel.src, novel.dst), { directed: false })
  t.ok(close(mb[valjean], 0.569989), `Valjean: ${mb[valjean]}`)
})

t.test('an undirected graph stored with both directions gives the same values as directed', async (t) => {
  const club = karate()
  const { src, dst } = bothDirections(club)
  const both = betweenness(fromEdges(club.n, src, dst))
  t.ok(close(both[0], 0.437635))
})

t.test('directed paths follow edge directions; scaling as networkx', async (t) => {
  // 0→1→2→3: node 1 lies on (0,2), (0,3); node 2 on (0,3), (1,3).
  const path = fromEdges(4, [0, 1, 2], [1, 2, 3])
  t.same(Array.from(betweenness(path, { normalized: false })), [0, 2, 2, 0])
  t.same(Array.from(betweenness(path)), [0, 1 / 3, 1 / 3, 0], 'divided by (n-1)(n-2)')
  // Undirected: each unordered pair once, normalised by (n-1)(n-2)/2.
  t.same(Array.from(betweenness(path, { directed: false, normalized: false })), [0, 2, 2, 0])
  t.same(Array.from(betweenness(path, { directed: false })), [0, 2 / 3, 2 / 3, 0])
  // Reversed edges: no directed path passes through anything from 3 back to 0 but the chain.
  const reversed = fromEdges(4, [1, 2, 3], [0, 1, 2])
  t.same(Array.from(betweenness(reversed, { normalized: false })), [0, 2, 2, 0])
  // Two equal shortest paths 0→1→3 and 0→2→3 share the pair (0,3).
  const diamond = fromEdges(4, [0, 0, 1, 2], [1, 2, 3, 3])
  t.same(Array.from(betweenness(diamond, { normalized: false })), [0, 0.5, 0.5, 0])
})

t.test('sampling', async (t) => {
  const novel = miserables()
  const g = fromEdges(novel.n, novel.src, novel.dst)
  const exact = betweenness(g, { directed: false })
  t.same(betweenness(g, { directed: false, samples: novel.n }), exact, 'samples = n is exact')
  t.same(betweenness(g, { directed: false, samples: 10 * novel.n }), exact, 'samples > n is exact')

  const a = betweenness(g, { directed: false, samples: 20, seed: 3 })
  t.same(betweenness(g, { directed: false, samples: 20, seed: 3 }), a, 'same seed, same estimate')
  t.same(betweenness(g, { directed: false, samples: 20 }), betweenness(g, { directed: false, samples: 20 }))
  t.notSame(betweenness(g, { directed: false, samples: 20, seed: 4 }), a, 'another seed, another sample')

  // Scaling by n/k makes the estimator unbiased: averaged over many seeds it approaches exact.
  const valjean = novel.labels.indexOf('Valjean')
  let mean = 0
  const runs = 300
  for (let seed = 1; seed <= runs; seed++) mean += betweenness(g, { directed: false, samples: 10, seed })[valjean] / runs
  t.ok(Math.abs(mean - exact[valjean]) / exact[valjean] < 0.05, `mean ${mean} vs exact ${exact[valjean]}`)

  t.throws(() => betweenness(g, { samples: 0 }), { message: /samples/ })
  t.throws(() => betweenness(g, { samples: 2.5 }), { message: /samples/ })
})
