import t from 'tap'
import { fromEdges, undirectedView, GraphInputError } from '../../src/graph/index.ts'

const row = (offsets: Int32Array, values: Int32Array | Float64Array, v: number) =>
  Array.from(values.subarray(offsets[v], offsets[v + 1]))

t.test('builds sorted out- and in-rows from an unordered edge list', async (t) => {
  const g = fromEdges(4, [2, 0, 0, 3, 1], [0, 2, 1, 0, 2])
  t.equal(g.nodeCount, 4)
  t.equal(g.edgeCount, 5)
  t.same(row(g.outOffsets, g.outTargets, 0), [1, 2])
  t.same(row(g.outOffsets, g.outTargets, 2), [0])
  t.same(row(g.inOffsets, g.inSources, 0), [2, 3])
  t.same(row(g.inOffsets, g.inSources, 2), [0, 1])
  t.equal(g.outWeights, null, 'no weights and no repeats: no weight arrays')
  t.equal(g.inWeights, null)
})

t.test('parallel edges are merged with summed weights', async (t) => {
  const g = fromEdges(3, [0, 0, 1, 0], [1, 1, 2, 1], [2, 0.5, 4, 1])
  t.equal(g.edgeCount, 2)
  t.same(row(g.outOffsets, g.outTargets, 0), [1])
  t.same(row(g.outOffsets, g.outWeights as Float64Array, 0), [3.5])
  t.same(row(g.inOffsets, g.inWeights as Float64Array, 1), [3.5])
})

t.test('repeats in an unweighted list become weights by multiplicity', async (t) => {
  const g = fromEdges(3, [0, 0, 0, 1], [1, 1, 1, 2])
  t.equal(g.edgeCount, 2)
  t.same(Array.from(g.outWeights as Float64Array), [3, 1])
})

t.test('self-loops stay in the directed graph but not in the undirected view', async (t) => {
  const g = fromEdges(2, [0, 0, 1], [0, 1, 0])
  t.same(row(g.outOffsets, g.outTargets, 0), [0, 1])
  const u = undirectedView(g)
  t.same(row(u.offsets, u.neighbors, 0), [1])
  t.same(row(u.offsets, u.weights, 0), [2], 'a reciprocated tie weighs both directions')
  t.equal(u.totalWeight, 4)
})

t.test('nodes without edges and an empty graph are fine', async (t) => {
  const g = fromEdges(3, new Int32Array(0), new Int32Array(0))
  t.same(Array.from(g.outOffsets), [0, 0, 0, 0])
  t.equal(fromEdges(0, [], []).nodeCount, 0)
})

t.test('bad input is refused with a message naming the problem', async (t) => {
  t.throws(() => fromEdges(3, [0, 1], [1]), { name: 'GraphInputError', message: /same length/ })
  t.throws(() => fromEdges(3, [0, 3], [1, 2]), { message: /src\[1\] = 3 is not a node index in 0\.\.2/ })
  t.throws(() => fromEdges(3, [0], [-1]), { message: /dst\[0\] = -1/ })
  t.throws(() => fromEdges(3, [0.5], [1]), { message: /src\[0\] = 0\.5/ })
  t.throws(() => fromEdges(3, [0, 1], [1, 2], [1]), { message: /one entry per edge/ })
  t.throws(() => fromEdges(3, [0], [1], [-2]), { message: /weight\[0\].*non-negative/ })
  t.throws(() => fromEdges(3, [0], [1], [Number.NaN]), GraphInputError)
  t.throws(() => fromEdges(-1, [], []), { message: /node count/ })
})
