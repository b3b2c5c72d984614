import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { accumulateFromSources } from './betweenness-kernel.js'
import { onSharedMemory } from './pagerank-threads.ts'

/**
 * Edge visits (sources × edges) below which a helper thread's start-up (~30 ms, plus copying the
 * adjacency to shared memory) would not pay: 16 million visits are about a tenth of a second of
 * one core. (At 64 million, a 50k-account topic's sampled betweenness stayed just under it.)
 */
export const PARALLEL_MIN_WORK = 16_000_000

/** A helper that has not finished its sources by then is taken as lost, not merely slow. */
const TIMEOUT_MS = 600_000

/**
 * Brandes from every source of `sources` into `centrality`. When the work (sources × edges) is
 * large and the machine has two cores or more, a helper thread takes every other source over
 * shared memory while this thread runs the rest; the two halves are then added. The main thread
 * blocks on Atomics.wait meanwhile, so betweenness stays a synchronous function.
 */
export function accumulate(sources: Int32Array, offsets: Int32Array, targets: Int32Array, centrality: Float64Array, threads?: number): void {
  const helpers = threads ?? (sources.length * targets.length >= PARALLEL_MIN_WORK && availableParallelism() >= 2 ? 1 : 0)
  if (helpers === 0 || sources.length < 2) {
    accumulateFromSources(sources, offsets, targets, centrality)
    return
  }
  // Alternate sources, so each thread gets a like mix of large and small components.
  const theirs = sources.filter((_, i) => i % 2 === 1)
  const mine = sources.filter((_, i) => i % 2 === 0)
  const n = centrality.length
  const shared = {
    sources: onSharedMemory<Int32Array>(theirs, (b) => new Int32Array(b)),
    offsets: onSharedMemory(offsets, (b) => new Int32Array(b)),
    targets: onSharedMemory(targets, (b) => new Int32Array(b)),
    centrality: new Float64Array(new SharedArrayBuffer(n * 8)),
    done: new Int32Array(new SharedArrayBuffer(4)),
  }
  const worker = new Worker(new URL('./betweenness-worker.js', import.meta.url), { execArgv: [], workerData: shared })
  worker.unref()
  worker.on('error', () => {}) // reported through `done` or the timeout below
  accumulateFromSources(mine, offsets, targets, centrality)
  const started = Date.now()
  while (Atomics.load(shared.done, 0) === 0) {
    if (Date.now() - started > TIMEOUT_MS) break
    Atomics.wait(shared.done, 0, 0, 1000)
  }
  const status = Atomics.load(shared.done, 0)
  void worker.terminate().catch(() => {})
  // Lost or failed: its sources are run here, so the result never depends on the helper.
  if (status !== 1) accumulateFromSources(theirs, offsets, targets, centrality)
  else for (let v = 0; v < n; v++) centrality[v] += shared.centrality[v]
}
