// Posts per second through the whole ingest path (enrich, match, upsert accounts, posts,
// topic_posts, interactions, backfill — one transaction per batch) on a real PostgreSQL server,
// beside a bare COPY of the same final post rows in the same run. Prints figures; asserts nothing.
// Run: node --import tsx bench/ingest/run.ts [--posts N] [--database-url URL] [--help]
import { sql } from 'kysely'
import { enrichPost } from '../../src/pipeline/ingest/enrich/index.ts'
import type { EnrichedPost } from '../../src/pipeline/ingest/enriched-post.ts'
import { accountKey } from '../../src/pipeline/ingest/upsert-accounts.ts'
import type { TopicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import { preparePost } from '../../src/pipeline/query/index.ts'
import { parseIngestBenchArgs } from './args.ts'
import { applyWhatIf, contentDigest, createWorkspaceTopics } from './bench-content.ts'
import { createBenchDatabase } from './bench-database.ts'
import { COPY_TARGETS, measureCopy, postValues } from './copy-baseline.ts'
import { machineLoad, median } from '../shared/measure.ts'
import { batchesOf, measureIngest, rate, type RunFigures } from './measure.ts'
import { cpuRate, describeRun, describeStatements, describeTimeSpent, spread } from './report.ts'
import { describeCorpus, generateCorpus, type BenchCorpus } from './sandbox-posts.ts'

const args = parseIngestBenchArgs(process.argv.slice(2))

console.log(`ingest bench — node ${process.version}, ${machineLoad()}`)
const generationStart = performance.now()
const corpus = generateCorpus(args.seed, args.posts)
console.log(`${describeCorpus(corpus, args.seed)} (generated in ${((performance.now() - generationStart) / 1000).toFixed(1)} s)`)

const bench = await createBenchDatabase(args.databaseUrl)
try {
  const { rows: [server] } = await sql<{ version: string }>`select current_setting('server_version') as version`.execute(bench.db)
  console.log(`database ${bench.name} on PostgreSQL ${server.version} (${new URL(args.databaseUrl).host}), migrated; batches arrive ${args.order} first\n`)
  const matchers = await createWorkspaceTopics(bench.db)
  if (args.whatIf.length) {
    await applyWhatIf(bench.db, args.whatIf)
    console.log(`WHAT-IF: the bench database runs without ${args.whatIf.join(' and ')}: these are not the product's figures\n`)
  }

  // The JavaScript side alone, once warm: what ingest costs before any statement is sent. The
  // enriched copies are dropped afterwards, so the runs below do not carry a heap 200,000 posts
  // larger than ingest's own (garbage collection cost grows with it).
  const { enrichMicros, matchMicros, matched } = measureJavaScript(corpus, matchers)
  console.log(`CPU alone: enrich ${enrichMicros.toFixed(1)} µs/post, prepare + match 3 topics ${matchMicros.toFixed(1)} µs/post (${count(matched)} topic matches)\n`)

  const runs = new Map<number, RunFigures[]>(args.batchSizes.map((size) => [size, []]))
  const reruns = new Map<number, RunFigures[]>(args.batchSizes.map((size) => [size, []]))
  const batchesBySize = new Map(args.batchSizes.map((size) => [size, batchesOf(corpus, size, args.order)]))
  const digests = new Map<number, string>()
  // Rounds interleave the batch sizes, so a burst of load from elsewhere does not land on one size only.
  for (let round = 1; round <= args.repeat; round++) {
    console.log(`round ${round}/${args.repeat}, ${machineLoad()}`)
    for (const size of args.batchSizes) {
      const figures = await measureIngest(bench, batchesBySize.get(size)!, matchers)
      runs.get(size)!.push(figures)
      console.log(`  ingest ${String(size).padStart(5)}/transaction: ${describeRun(figures)}`)
      if (!digests.has(size)) {
        const digest = await contentDigest(bench.db)
        digests.set(size, digest.digest)
        console.log(`    stored: ${digest.accounts} accounts, ${digest.posts} posts, ${digest.topicPosts} topic_posts, ${digest.interactions} interactions, digest ${digest.digest}`)
      }
      if (!args.reingest) continue
      const again = await measureIngest(bench, batchesBySize.get(size)!, matchers, true)
      reruns.get(size)!.push(again)
      console.log(`  same batches again:          ${describeRun(again)}`)
      if (round > 1) continue
      const digest = await contentDigest(bench.db)
      console.log(`    ${digest.digest === digests.get(size) ? 'same content as after the first pass' : `WARNING: content changed, digest ${digest.digest}`}`)
      for (const line of describeStatements(again)) console.log(line)
    }
  }
  const distinctDigests = new Set(digests.values()).size
  console.log(distinctDigests === 1 ? '  every batch size stored the same content' : `  WARNING: ${distinctDigests} different contents across batch sizes`)

  // The last run left every account in place: the COPY rows carry the author ids ingest used.
  const { rows: accountRows } = await sql<{ id: number; network: string; external_id: string }>`select id, network, external_id from accounts`.execute(bench.db)
  const accountIds = new Map(accountRows.map((r) => [accountKey(r.network, r.external_id), r.id]))
  const copyRows = corpus.posts.map(enrichPost).map((p) => postValues(p, p.authorExternalId === null ? null : (accountIds.get(accountKey(p.network, p.authorExternalId)) ?? null)))
  const copyRuns = new Map<string, RunFigures[]>(COPY_TARGETS.map((target) => [target.label, []]))
  console.log(`\nCOPY of the same ${count(copyRows.length)} post rows (${machineLoad()})`)
  for (let round = 1; round <= args.repeat; round++) {
    for (const target of COPY_TARGETS) {
      const figures = await measureCopy(bench.url, target, copyRows)
      copyRuns.get(target.label)!.push(figures)
      console.log(`  ${target.label.padEnd(24)} ${describeRun(figures)}`)
    }
  }

  // Each line against both COPYs: into a bare table (no index, no full-text vector) and into a
  // table with the posts table's own schema, where the same rows land.
  const denominators = COPY_TARGETS.map((target) => {
    const figures = copyRuns.get(target.label)!
    return { label: target.label, rate: median(figures.map(rate)), cpuRate: median(figures.map(cpuRate)) }
  })
  const ofCopy = (figures: readonly RunFigures[]): string =>
    denominators
      .map((d) => `${((median(figures.map(rate)) / d.rate) * 100).toFixed(0).padStart(3)}% of ${d.label} (${((median(figures.map(cpuRate)) / d.cpuRate) * 100).toFixed(0)}% per CPU-second)`)
      .join(', ')
  console.log(`\nsummary (${count(args.posts)} posts, median of ${args.repeat}; ${machineLoad()})`)
  for (const [label, figures] of copyRuns) console.log(`  ${label.padEnd(30)} ${spread(figures)}  ${ofCopy(figures)}`)
  for (const [size, figures] of runs) console.log(`  ingest ${String(size).padStart(5)}/transaction  ${spread(figures)}  ${ofCopy(figures)}`)
  for (const [size, figures] of reruns) if (figures.length) console.log(`  again, ${String(size).padStart(5)}/transaction     ${spread(figures)}`)
  console.log('  targets: ≥ 10,000 posts/s and ≥ 30% of COPY throughput (the same rows, in the same run)\n')
  const [bestSize, bestRuns] = [...runs].sort(([, a], [, b]) => median(b.map(rate)) - median(a.map(rate)))[0]
  for (const line of describeTimeSpent(`${bestSize} posts/transaction`, bestRuns, { enrichMicros, matchMicros })) console.log(line)
} finally {
  await bench.drop()
}

function measureJavaScript(corpus: BenchCorpus, matchers: readonly TopicMatcher[]): { enrichMicros: number; matchMicros: number; matched: number } {
  for (const post of corpus.posts.slice(0, 5000)) enrichPost(post)
  let cpu = cpuMicros()
  const enriched: EnrichedPost[] = corpus.posts.map(enrichPost)
  const enrichMicros = (cpuMicros() - cpu) / enriched.length
  const handles = new Map(corpus.authors.map((a) => [accountKey(a.network, a.externalId), a.handle]))
  cpu = cpuMicros()
  let matched = 0
  for (const post of enriched) {
    const authorHandle = post.authorExternalId === null ? null : (handles.get(accountKey(post.network, post.authorExternalId)) ?? null)
    const prepared = preparePost({ text: post.text, hashtags: post.hashtags, mentions: post.mentions, lang: post.lang, network: post.network, authorHandle })
    for (const topic of matchers) if (topic.match(post, prepared)) matched++
  }
  return { enrichMicros, matchMicros: (cpuMicros() - cpu) / enriched.length, matched }
}

function cpuMicros(): number {
  const usage = process.cpuUsage()
  return usage.user + usage.system
}

function count(value: number): string {
  return Math.round(value).toLocaleString('en')
}
