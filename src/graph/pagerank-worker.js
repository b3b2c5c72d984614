// The helper thread of a parallel PageRank (see pagerank-threads.ts). It owns the targets
// [from, to): each time the main thread bumps the generation it runs one step over them and
// publishes its L1 change and dangling rank. All arrays live in shared memory; the Atomics on
// `control` order every plain read and write around them.
import { workerData } from 'node:worker_threads'
import { iterateRange } from './pagerank-kernel.js'

const GENERATION = 0
const DONE = 1
const STOP = 2
const { inOffsets, inSources, inWeights, shares, rank, inverseOutWeight, teleport, damping, from, to, control, numbers } = workerData
let share = shares[0]
let nextShare = shares[1]
let generation = 0
for (;;) {
  Atomics.wait(control, GENERATION, generation)
  generation = Atomics.load(control, GENERATION)
  if (Atomics.load(control, STOP) === 1) break
  // numbers[0] is this step's spread; the results go to numbers[2] and numbers[3].
  iterateRange(inOffsets, inSources, inWeights, share, nextShare, rank, inverseOutWeight, teleport, damping, numbers[0], from, to, numbers, 2)
  const used = share
  share = nextShare
  nextShare = used
  Atomics.store(control, DONE, generation)
  Atomics.notify(control, DONE)
}
