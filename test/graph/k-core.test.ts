import t from 'tap'
import { fromEdges, kCore } from '../../src/graph/index.ts'

t.test('core numbers of a small graph', async (t) => {
  // 4-clique {0,1,2,3} → core 3; node 4 tied to 0 and 1 → core 2; node 5 tied to 4 → core 1;
  // node 6 alone (only a self-loop) → core 0. Directions and a repeated tie do not matter.
  const src = [0, 2, 0, 3, 1, 3, 4, 1, 4, 5, 1, 6]
  const dst = [1, 0, 3, 2, 2, 1, 0, 4, 5, 4, 0, 6]
  t.same(Array.from(kCore(fromEdges(7, src, dst))), [3, 3, 3, 3, 2, 1, 0])
})

t.test('a cycle is a 2-core, a star a 1-core', async (t) => {
  t.same(Array.from(kCore(fromEdges(5, [0, 1, 2, 3, 4], [1, 2, 3, 4, 0]))), [2, 2, 2, 2, 2])
  t.same(Array.from(kCore(fromEdges(4, [0, 0, 0], [1, 2, 3]))), [1, 1, 1, 1])
})
