// Posts matched per second against many topics: the per-topic loop against the topic index, in
// the same run, on the same topics and posts. Each post is prepared (tokenised) once in both.
// Run: node --import tsx bench/stream/match.ts [--topics 1000,10000] [--posts 20000]
import { cpuUsage } from 'node:process'
import { preparePost } from '../../src/pipeline/query/index.ts'
import { topicMatcher, type TopicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import { topicIndex } from '../../src/pipeline/ingest/topic-index.ts'
import type { EnrichedPost } from '../../src/pipeline/ingest/enriched-post.ts'
import { machineLoad } from '../shared/measure.ts'
import { syntheticPosts, syntheticTopics } from './synthetic.ts'

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback
}

const topicCounts = option('topics', '1000,10000').split(',').map(Number)
const postCount = Number(option('posts', '20000'))

function time(label: string, posts: readonly EnrichedPost[], match: (post: EnrichedPost) => number): { cpu: number; matches: number } {
  const start = cpuUsage()
  let matches = 0
  for (const post of posts) matches += match(post)
  const used = cpuUsage(start)
  const cpu = (used.user + used.system) / 1e6
  console.log(`  ${label}: ${Math.round(posts.length / cpu).toLocaleString('en')} posts/CPU-s (${cpu.toFixed(2)} CPU-s, ${matches} matches)`)
  return { cpu, matches }
}

const prepare = (post: EnrichedPost) => preparePost({ ...post, authorHandle: null })

console.log(machineLoad())
for (const count of topicCounts) {
  const matchers: TopicMatcher[] = syntheticTopics(count).map(topicMatcher)
  const posts = syntheticPosts(postCount, count)
  console.log(`${count.toLocaleString('en')} topics, ${posts.length.toLocaleString('en')} posts`)
  // The loop is slow at many topics: it gets a slice of the posts (its rate is per post).
  const loopPosts = posts.slice(0, Math.max(200, Math.round(postCount * Math.min(1, 1000 / count))))
  const built = cpuUsage()
  const index = topicIndex(matchers)
  index.match(posts[0], prepare(posts[0]))
  const buildCpu = cpuUsage(built)
  console.log(`  index built for one network in ${((buildCpu.user + buildCpu.system) / 1e3).toFixed(0)} CPU-ms`)
  // Each topic compiles its query for a network on first use: done before timing, as for the index.
  for (const topic of matchers) topic.match(posts[0], prepare(posts[0]))
  const loop = time('loop ', loopPosts, (post) => {
    const prepared = prepare(post)
    let found = 0
    for (const topic of matchers) if (topic.match(post, prepared)) found++
    return found
  })
  const indexed = time('index', posts, (post) => index.match(post, prepare(post))?.length ?? 0)
  const loopRate = loopPosts.length / loop.cpu
  const indexRate = posts.length / indexed.cpu
  console.log(`  index/loop: ${(indexRate / loopRate).toFixed(1)}× the posts per CPU-second`)
}
console.log(machineLoad())
