import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { iterateRange } from './pagerank-kernel.js'

/** Below this many edges a step takes a few milliseconds: starting a thread would cost more. */
export const PARALLEL_MIN_EDGES = 1_000_000
/** A helper that has not finished a step by then is taken as lost, not merely slow. */
const STEP_TIMEOUT_MS = 120_000

const GENERATION = 0
const DONE = 1
const STOP = 2

/** The arrays one PageRank iterates over; those a helper thread reads must be on shared memory. */
export interface StepArrays {
  n: number
  inOffsets: Int32Array
  inSources: Int32Array
  inWeights: Float64Array | null
  shares: [Float32Array | Float64Array, Float32Array | Float64Array]
  rank: Float64Array
  inverseOutWeight: Float64Array
  teleport: Float64Array
  damping: number
}

/** One PageRank step: runs it with the given spread, returns its L1 change and dangling rank. */
export interface Stepper {
  step(spread: number): { change: number; danglingRank: number }
  close(): void
}

/** 1 helper thread for large graphs on a machine with two cores or more, else none. */
export function defaultHelpers(edgeCount: number): number {
  return edgeCount >= PARALLEL_MIN_EDGES && availableParallelism() >= 2 ? 1 : 0
}

/** Typed arrays a helper thread can see: the same array when already shared, else a shared copy. */
export function onSharedMemory<T extends Int32Array | Float64Array | Float32Array>(array: T, make: (buffer: SharedArrayBuffer) => T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array
  const copy = make(new SharedArrayBuffer(array.byteLength))
  copy.set(array as never)
  return copy
}

/** All targets on this thread. */
export function singleThreadStepper(a: StepArrays): Stepper {
  const out = new Float64Array(2)
  let parity = 0
  return {
    step(spread) {
      iterateRange(a.inOffsets, a.inSources, a.inWeights, a.shares[parity], a.shares[1 - parity], a.rank, a.inverseOutWeight, a.teleport, a.damping, spread, 0, a.n, out, 0)
      parity = 1 - parity
      return { change: out[0], danglingRank: out[1] }
    },
    close() {},
  }
}

/**
 * The targets split in two ranges of about equal work (in-edges plus a little per node): this
 * thread runs the first, a helper thread the second, in lock step. The main thread blocks on
 * Atomics.wait while the helper finishes, so PageRank stays a synchronous function. Every array
 * in `a` must be on shared memory.
 */
export function twoThreadStepper(a: StepArrays): Stepper {
  const mid = balancedSplit(a.inOffsets, a.n)
  const control = new Int32Array(new SharedArrayBuffer(3 * 4))
  const numbers = new Float64Array(new SharedArrayBuffer(4 * 8))
  const worker = new Worker(new URL('./pagerank-worker.js', import.meta.url), {
    execArgv: [],
    workerData: { ...a, from: mid, to: a.n, control, numbers },
  })
  worker.unref()
  worker.on('error', () => {}) // seen as a step timeout below: this thread is blocked until then
  const own = new Float64Array(2)
  let parity = 0
  let generation = 0
  return {
    step(spread) {
      numbers[0] = spread
      generation++
      Atomics.store(control, GENERATION, generation)
      Atomics.notify(control, GENERATION)
      iterateRange(a.inOffsets, a.inSources, a.inWeights, a.shares[parity], a.shares[1 - parity], a.rank, a.inverseOutWeight, a.teleport, a.damping, spread, 0, mid, own, 0)
      parity = 1 - parity
      const started = Date.now()
      while (Atomics.load(control, DONE) !== generation) {
        if (Date.now() - started > STEP_TIMEOUT_MS) {
          this.close()
          throw new Error('PageRank: the helper thread did not finish its step')
        }
        Atomics.wait(control, DONE, generation - 1, 1000)
      }
      return { change: own[0] + numbers[2], danglingRank: own[1] + numbers[3] }
    },
    close() {
      Atomics.store(control, STOP, 1)
      Atomics.store(control, GENERATION, generation + 1)
      Atomics.notify(control, GENERATION)
      void worker.terminate().catch(() => {})
    },
  }
}

/** The first node of the second range: in-edges plus two units per node, split in half. */
function balancedSplit(inOffsets: Int32Array, n: number): number {
  const half = (inOffsets[n] + 2 * n) / 2
  let low = 0
  let high = n
  while (low < high) {
    const mid = (low + high) >>> 1
    if (inOffsets[mid] + 2 * mid < half) low = mid + 1
    else high = mid
  }
  return low
}
