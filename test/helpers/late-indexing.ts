// A stream of posts on the three fidelity topics whose search index takes them in late, and the
// scheduled runs that read it: what the X and Reddit late-post tests replay on their fakes.
import { TOPIC_WORDS } from './bluesky-fidelity.ts'

export const RUN_EVERY_MS = 15 * 60_000
const POST_EVERY_MS = 3 * 60_000
const STREAM_MS = 2 * 60 * 60_000
/** Indexing lags in turn: most at once or within seconds, some minutes, up to just under a quarter of an hour. */
const LAGS_MS = [0, 20_000, 0, 90_000, 4 * 60_000, 0, 9 * 60_000, 14.5 * 60_000]

export interface PlannedPost { topic: number; n: number; text: string; createdMs: number; indexedMs: number }

/** A post on each topic every 3 minutes for two hours from `startMs`, each indexed after its lag. */
export function lateIndexingPlan(startMs: number): PlannedPost[] {
  const posts: PlannedPost[] = []
  for (let n = 0; n * POST_EVERY_MS < STREAM_MS; n++) {
    TOPIC_WORDS.forEach((word, topic) => {
      const createdMs = startMs + n * POST_EVERY_MS + topic * 7_000
      const lag = LAGS_MS[(n + topic * 3) % LAGS_MS.length]
      posts.push({ topic, n, text: `Un avis sur le ${word}, numéro ${n}`, createdMs, indexedMs: createdMs + lag })
    })
  }
  return posts
}

/** The times of the scheduled runs: every 15 minutes through the stream, and one after the last post is indexed. */
export function runTimes(startMs: number): number[] {
  return Array.from({ length: STREAM_MS / RUN_EVERY_MS + 2 }, (_, k) => startMs + (k + 1) * RUN_EVERY_MS)
}

/**
 * Posts indexed only after a run had already collected a newer post of their topic: a walk that
 * stops at the newest post it saw last time would never reach them.
 */
export function indexedBehindSeen(plan: readonly PlannedPost[], runs: readonly number[]): PlannedPost[] {
  return plan.filter((post) => runs.some((run) => run < post.indexedMs && plan.some((other) =>
    other.topic === post.topic && other.createdMs > post.createdMs && other.indexedMs <= run)))
}
