// What cleaning collected strings (NUL, lone surrogates, non-http URLs) costs against the rest of
// preparing a batch for the database (enrichment, topic matching, statement building), measured
// on the same sandbox posts in the same run. Usage:
//   node --import tsx bench/ingest/clean-strings.ts [--posts N] [--repeat R]
import { parseArgs } from 'node:util'
import { cleanBatch } from '../../src/pipeline/ingest/clean-collected.ts'
import { prepareBatch } from '../../src/pipeline/ingest/prepare-batch.ts'
import { machineLoad, median } from '../shared/measure.ts'
import { generateCorpus } from './sandbox-posts.ts'

const { values } = parseArgs({ options: { posts: { type: 'string', default: '20000' }, repeat: { type: 'string', default: '5' } } })
const count = Number(values.posts)
const repeat = Number(values.repeat)
const corpus = generateCorpus('bench', count)
const batches: { posts: typeof corpus.posts; accounts: typeof corpus.authors }[] = []
for (let i = 0; i < corpus.posts.length; i += 1000) batches.push({ posts: corpus.posts.slice(i, i + 1000), accounts: corpus.authors.slice(i, i + 1000) })

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

const cleanMs: number[] = []
const prepareMs: number[] = []
for (let r = 0; r < repeat; r++) {
  cleanMs.push(await time(() => { for (const b of batches) cleanBatch(b) }))
  prepareMs.push(await time(async () => { for (const b of batches) await prepareBatch(b, []) }))
}
const clean = median(cleanMs)
const prepare = median(prepareMs)
console.log(`${corpus.posts.length} posts in ${batches.length} batches, median of ${repeat} (${machineLoad()})`)
console.log(`cleaning alone:        ${clean.toFixed(1)} ms (${((clean / corpus.posts.length) * 1000).toFixed(2)} µs per post)`)
console.log(`prepareBatch (with it): ${prepare.toFixed(1)} ms`)
console.log(`cleaning's share of preparing: ${((clean / prepare) * 100).toFixed(1)} %`)
