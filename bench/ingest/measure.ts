// One timed pass of the whole ingest path over the corpus, and the figures printed for it.
import { storeBatch } from '../../src/pipeline/ingest/ingest-batch.ts'
import { prepareBatch, type PreparedBatch } from '../../src/pipeline/ingest/prepare-batch.ts'
import type { TopicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import type { CollectedBatch, NormalizedAccount } from '../../src/pipeline/networks/model.ts'
import { resetContent } from './bench-content.ts'
import type { BenchDatabase, StatementTimes } from './bench-database.ts'
import type { BenchCorpus } from './sandbox-posts.ts'

export interface RunFigures {
  posts: number
  wallSeconds: number
  /** This process: enrichment, matching, building parameters, the pg client. */
  nodeCpuSeconds: number
  /** The PostgreSQL server process of the connection. */
  backendCpuSeconds: number
  /** Time inside statements, by statement label. */
  statements: Map<string, StatementTimes>
}

/**
 * The corpus cut into collection pages of `size` posts, each with its authors as the connector
 * describes them. `newest` walks back in time like a search backlog, so replies, reposts and
 * quotes often arrive before the posts they point at (the backfill path).
 */
export function batchesOf(corpus: BenchCorpus, size: number, order: 'newest' | 'oldest'): CollectedBatch[] {
  const indexes = corpus.posts.map((_, i) => i)
  if (order === 'newest') indexes.reverse()
  const batches: CollectedBatch[] = []
  for (let start = 0; start < indexes.length; start += size) {
    const slice = indexes.slice(start, start + size)
    const accounts = new Map<string, NormalizedAccount>()
    for (const i of slice) accounts.set(corpus.authors[i].externalId, corpus.authors[i])
    batches.push({ posts: slice.map((i) => corpus.posts[i]), accounts: [...accounts.values()] })
  }
  return batches
}

/**
 * Every batch committed, one transaction per batch: from an empty database, or (`again`) over
 * what the previous run stored, every post being seen a second time.
 */
export async function measureIngest(bench: BenchDatabase, batches: readonly CollectedBatch[], matchers: readonly TopicMatcher[], again = false): Promise<RunFigures> {
  if (!again) await resetContent(bench.db)
  bench.resetQueryTimes()
  const started = performance.now()
  const cpuStart = process.cpuUsage()
  const backendStart = bench.backendCpuSeconds()
  let posts = 0
  // As the import does: the next batch is prepared while one is being stored.
  let next: Promise<PreparedBatch> | null = batches.length ? prepareBatch(batches[0], matchers) : null
  for (let i = 0; next; i++) {
    const prepared = await next
    next = i + 1 < batches.length ? prepareBatch(batches[i + 1], matchers) : null
    // Awaited at the next turn; until then its failure must not count as unhandled.
    next?.catch(() => {})
    const stats = await bench.db.transaction().execute((trx) => storeBatch(trx, prepared))
    posts += stats.posts
  }
  const cpu = process.cpuUsage(cpuStart)
  return {
    posts,
    wallSeconds: (performance.now() - started) / 1000,
    nodeCpuSeconds: (cpu.user + cpu.system) / 1e6,
    backendCpuSeconds: bench.backendCpuSeconds() - backendStart,
    statements: new Map([...bench.queryTimes.byLabel].map(([label, entry]) => [label, { ...entry }])),
  }
}

export const rate = (figures: RunFigures): number => figures.posts / figures.wallSeconds

