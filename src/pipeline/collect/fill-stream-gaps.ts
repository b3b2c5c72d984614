// Fills the spans of a live stream its instance no longer kept (stream_gaps, recorded by the
// reader) through the network's search bounded to each span, for the topics of the run that use
// the source: each page is stored with the gap's progress in one transaction, so a run cut short
// goes on where it stopped; a gap is `filled` once the searches of every topic using the source
// reached their end (a run limited to one topic records that topic's searches as done, and the gap
// stays open for the others). A source whose network
// or credentials cannot search in time says why on the gap (the workspace sees it), and the gap
// stays open. Writes are idempotent: posts the stream did store are absorbed by the unique keys.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { storeBatch } from '../ingest/ingest-batch.ts'
import { prepareBatch } from '../ingest/prepare-batch.ts'
import type { TopicMatcher } from '../ingest/topic-matchers.ts'
import type { Connector } from '../networks/connector.ts'
import { isConnectorError } from '../networks/errors.ts'
import { compileForNetwork } from '../networks/compile-query.ts'
import { parse } from '../query/index.ts'
import { rememberReadIds } from './remember-read-ids.ts'
import { gapProgress, type GapProgress } from './gap-progress.ts'

/**
 * Searched beyond each end of a gap: search sorts by the earlier of a post's creation and indexing
 * times, the stream by when its instance received it, so a post received in the gap may sort a
 * little before it (written earlier) or, indexed late, after it.
 */
export const GAP_MARGIN_MS = 10 * 60_000
/** Gaps looked at per source per run, oldest first. */
const GAPS_PER_RUN = 20

export interface GapFill {
  workspaceId: string
  sourceId: string
  connector: Connector
  /** The topics of this run that use the source, whose searches fill its gaps now. */
  topics: readonly { id: string; query: string }[]
  /** Every topic of the workspace: a post found for one is checked against all. */
  matchers: readonly TopicMatcher[]
  maxRequests: number
  signal: AbortSignal
}

export interface GapFillResult { requests: number; posts: number; filled: number; notes: string[] }

export async function fillStreamGaps(db: Kysely<DB>, job: GapFill): Promise<GapFillResult> {
  const result: GapFillResult = { requests: 0, posts: 0, filled: 0, notes: [] }
  const gaps = await db.selectFrom('stream_gaps').select(['id', 'from_us', 'to_us', 'progress'])
    .where('source_id', '=', job.sourceId).where('workspace_id', '=', job.workspaceId).where('status', '=', 'needs_backfill')
    .orderBy('id').limit(GAPS_PER_RUN).execute()
  if (gaps.length === 0) return result
  const read = job.connector.searchWindowPage?.bind(job.connector)
  if (read === undefined) {
    const note = `${job.connector.network} has no search bounded in time here: fill the gap by collecting again, or import the posts`
    await noteGaps(db, gaps.map((gap) => gap.id), note)
    result.notes.push(note)
    return result
  }
  const network = job.connector.network
  const searchesOf = (topics: readonly { id: string; query: string }[]) =>
    topics.flatMap((topic) => compileForNetwork(parse(topic.query), network).specs.map((spec, i) => ({ key: `${topic.id}:${i}`, topicId: topic.id, spec })))
  const searches = searchesOf(job.topics)
  // What a filled gap has searched: every topic of the workspace that uses the source now.
  const required = searchesOf(await topicsUsingNetwork(db, job.workspaceId, network)).map((search) => search.key)
  for (const gap of gaps) {
    const window = { since: new Date(gap.from_us / 1000 - GAP_MARGIN_MS), until: new Date(gap.to_us / 1000 + GAP_MARGIN_MS) }
    const progress: GapProgress = gapProgress(gap.progress)
    for (const search of searches) {
      if (progress.done.includes(search.key)) continue
      let cursor = progress.key === search.key ? progress.cursor : null
      for (;;) {
        if (result.requests >= job.maxRequests || job.signal.aborted) return result
        let page
        try {
          page = await read(search.spec, window, cursor, job.signal)
        } catch (error) {
          // A source that cannot search (no login, a refused one) says so on its gaps; anything else fails the pass.
          if (isConnectorError(error) && (error.kind === 'config' || error.kind === 'auth')) {
            await noteGaps(db, gaps.map((g) => g.id), error.message)
            result.notes.push(error.message)
            return result
          }
          throw error
        }
        result.requests++
        const prepared = await prepareBatch(job.workspaceId, page, job.matchers)
        const next: GapProgress = page.cursor === null
          ? { done: [...progress.done, search.key], key: null, cursor: null }
          : { done: progress.done, key: search.key, cursor: page.cursor }
        const stored = await db.transaction().execute(async (trx) => {
          const stats = await storeBatch(trx, prepared)
          await rememberReadIds(trx, job.workspaceId, job.sourceId, page.posts)
          await trx.updateTable('stream_gaps').set({ progress: sql`${JSON.stringify(next)}::jsonb`, posts: sql`posts + ${stats.posts}`, note: null }).where('id', '=', gap.id).execute()
          return stats.posts
        })
        result.posts += stored
        Object.assign(progress, next)
        cursor = page.cursor
        if (cursor === null) break
      }
    }
    if (!required.every((key) => progress.done.includes(key))) continue // other topics' searches are still to run
    await db.updateTable('stream_gaps').set({ status: 'filled', filled_at: sql`now()` }).where('id', '=', gap.id).execute()
    result.filled++
  }
  return result
}

/** The workspace's topics that listen to `network` (a topic with no networks listens to all). */
async function topicsUsingNetwork(db: Kysely<DB>, workspaceId: string, network: string): Promise<{ id: string; query: string }[]> {
  return db.selectFrom('topics').select(['id', 'query']).where('workspace_id', '=', workspaceId)
    .where(sql<boolean>`(cardinality(networks) = 0 or ${network} = any(networks))`).execute()
}

async function noteGaps(db: Kysely<DB>, ids: number[], note: string): Promise<void> {
  await db.updateTable('stream_gaps').set({ note: note.slice(0, 1000) }).where('id', 'in', ids).execute()
}
