// The helper thread of a parallel betweenness (see betweenness-threads.ts): runs Brandes from its
// share of the sources into its own centrality array, on shared memory, then says it is done.
import { workerData } from 'node:worker_threads'
import { accumulateFromSources } from './betweenness-kernel.js'

const { sources, offsets, targets, centrality, done } = workerData
try {
  accumulateFromSources(sources, offsets, targets, centrality)
  Atomics.store(done, 0, 1)
} catch {
  Atomics.store(done, 0, 2)
}
Atomics.notify(done, 0)
