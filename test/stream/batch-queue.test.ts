// The bounded queue both live readers use: batches of at most batchSize, one write at a time,
// reading paused above the high-water mark and resumed below half of it, nothing written while
// held, a failed write reported to the connection.
import t from 'tap'
import { BatchQueue } from '../../src/pipeline/stream/batch-queue.ts'

function harness(options = { batchSize: 3, flushMs: 3_600_000, highWaterBytes: 100 }) {
  const calls: string[] = []
  const writes: { items: number[]; settle(): void; fail(error: Error): void }[] = []
  let ended = false
  const failures: unknown[] = []
  const depths: number[] = []
  const queue = new BatchQueue<number>(options, { pause: () => calls.push('pause'), resume: () => calls.push('resume') },
    (items) => new Promise<void>((resolve, reject) => writes.push({ items, settle: resolve, fail: reject })),
    { ended: () => ended, settled: () => calls.push('settled'), failed: (error) => failures.push(error) },
    (depth) => depths.push(depth))
  const flush = () => new Promise((resolve) => setImmediate(resolve))
  return { queue, calls, writes, failures, depths, flush, end: () => { ended = true } }
}

t.test('a full batch is written, one write at a time, the rest waits', async (t) => {
  const { queue, writes, flush } = harness()
  for (const n of [1, 2, 3, 4, 5, 6, 7]) queue.push(n, 1)
  t.same(writes.map((w) => w.items), [[1, 2, 3]], 'the first full batch only, while it is written')
  t.equal(queue.length, 4)
  writes[0].settle()
  await flush()
  t.same(writes.map((w) => w.items), [[1, 2, 3], [4, 5, 6]], 'the next full batch once the first is stored')
  writes[1].settle()
  await flush()
  t.equal(writes.length, 2, 'a batch that is neither full nor old waits')
  queue.pump(true)
  t.same(writes[2].items, [7], 'a forced pump writes what waits')
})

t.test('reading pauses above the high-water mark and resumes below half of it', async (t) => {
  const { queue, calls, writes, flush } = harness({ batchSize: 2, flushMs: 3_600_000, highWaterBytes: 100 })
  queue.push(1, 40)
  queue.push(2, 40) // a batch in flight: 80 bytes leave the queue's weight
  queue.push(3, 60)
  t.same(calls, [], 'below the mark')
  queue.push(4, 50) // 110 bytes wait
  t.same(calls, ['pause'], 'paused above the mark')
  t.ok(queue.isPaused)
  writes[0].settle()
  await flush()
  t.same(calls, ['pause'], 'still paused: the first write settled with 110 bytes waiting (they are the next batch)')
  writes[1].settle()
  await flush()
  t.same(calls, ['pause', 'resume'], 'resumed once a write settled below half the mark')
  t.notOk(queue.isPaused)
})

t.test('nothing is written while held; a failed write is reported; an ended connection hears the last write settle', async (t) => {
  const { queue, calls, writes, failures, depths, flush, end } = harness()
  queue.held = true
  for (const n of [1, 2, 3, 4]) queue.push(n, 1)
  queue.pump(true)
  t.equal(writes.length, 0, 'held: nothing written')
  queue.held = false
  queue.pump(true)
  t.same(writes[0].items, [1, 2, 3])
  t.same(depths.slice(-1), [1], 'the queue depth is heard after each change')
  writes[0].fail(new Error('database gone'))
  await flush()
  t.same(failures.map((e) => (e as Error).message), ['database gone'])
  queue.pump(true)
  end()
  writes[1].settle()
  await flush()
  t.same(calls, ['settled'], 'the connection hears that the batch in flight settled after it ended')
  queue.clear()
  t.equal(queue.length, 0)
})
