// Throughput of enrichPost on a generated multilingual set, against a baseline measured in the
// same run (copying the post and lower-casing its text: the least any enrichment does).
// Both wall-clock and CPU time are reported: on a shared machine the CPU figure is the steadier.
// Run: node --import tsx bench/enrich/run.ts [posts]

import { performance } from 'node:perf_hooks'
import { enrichPost } from '../../src/pipeline/ingest/enrich/index.ts'
import type { NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { generatePosts } from './posts.ts'

const count = Number(process.argv[2] ?? 50_000)
let posts = generatePosts(count)
const averageLength = posts.reduce((sum, post) => sum + post.text.length, 0) / posts.length

function measure(label: string, work: (post: NormalizedPost) => unknown): number {
  let sink = 0
  const rounds = 5
  const wallRates: number[] = []
  const cpuRates: number[] = []
  for (let round = 0; round < rounds; round++) {
    const cpuStart = process.cpuUsage()
    const start = performance.now()
    for (const post of posts) if (work(post) !== null) sink++
    wallRates.push(posts.length / ((performance.now() - start) / 1000))
    const cpu = process.cpuUsage(cpuStart)
    cpuRates.push(posts.length / ((cpu.user + cpu.system) / 1e6))
  }
  const median = (rates: number[]): number => rates.sort((a, b) => a - b)[Math.floor(rounds / 2)]
  const wall = median(wallRates)
  const cpu = median(cpuRates)
  const format = (rate: number): string => `${Math.round(rate).toLocaleString('en').padStart(10)} posts/s ${(1e6 / rate).toFixed(2).padStart(7)} µs/post`
  console.log(`${label.padEnd(22)} wall ${format(wall)} | CPU ${format(cpu)}  (sink ${sink})`)
  return cpu
}

const coldStart = performance.now()
for (const lang of ['en', 'fr', 'es', 'de', 'it', 'pt', 'nl']) enrichPost({ ...posts[0], lang, text: 'bon good gut buono bom goed bueno' })
console.log(`first use (all 7 lexicons built): ${(performance.now() - coldStart).toFixed(0)} ms`)
console.log(`${count} posts, ${averageLength.toFixed(0)} characters on average, one core\n`)

// Warm up the JIT on both paths before timing.
for (const post of posts.slice(0, 2000)) enrichPost(post)
const baseline = measure('baseline (copy+lower)', (post) => ({ ...post, text: post.text.toLowerCase() }))
const enriched = measure('enrichPost', enrichPost)
posts = generatePosts(count, { unseenWords: true })
const unseen = measure('enrichPost +3 new words', enrichPost)
console.log(
  `\nenrichPost costs ${(baseline / enriched).toFixed(1)}× the baseline (CPU); ` +
    `budget 50 µs/post → ${((1e6 / enriched / 50) * 100).toFixed(0)}% of it used ` +
    `(${((1e6 / unseen / 50) * 100).toFixed(0)}% when each post brings 3 never-seen words)`,
)
