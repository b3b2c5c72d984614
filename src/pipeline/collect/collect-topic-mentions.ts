import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { storeBatch } from '../ingest/ingest-batch.ts'
import { prepareBatch } from '../ingest/prepare-batch.ts'
import type { TopicMatcher } from '../ingest/topic-matchers.ts'
import type { Connector, PagePartialError } from '../networks/connector.ts'
import { parse } from '../query/index.ts'
import { compileForNetwork } from '../networks/compile-query.ts'
import { loadCheckpoint, saveCheckpoint, searchKind } from './checkpoints.ts'
import { fillMissingProfiles } from './fill-profiles.ts'
import { rememberReadIds } from './remember-read-ids.ts'

export interface MentionCollection {
  /** The topic, and the workspace whose own rows what it collects becomes (provenance). */
  topic: { id: string; query: string; workspaceId: string }
  sourceId: string
  connector: Connector
  /** Every topic of the workspace: a post found for one topic is checked against all of them. */
  matchers: readonly TopicMatcher[]
  /** Pages per search per run: a backlog is worked through over several runs. */
  maxPages: number
  /** Mastodon full-text search needs the source's token; without it only hashtag timelines. */
  mastodonSearch: boolean
  signal: AbortSignal
  onPage(stats: { posts: number; matched: number }): void
  /** A page came with items the network could not give (deleted, protected): counted and logged by the job. */
  onPartialErrors?(errors: readonly PagePartialError[]): void
}

export interface MentionCollectionResult { pages: number; posts: number; matched: number; profiles: number; searches: number; partialErrors: number; complete: boolean; note?: string }

/**
 * Collects one topic from one source: each search the query compiles to, page by page from its
 * checkpoint, each page and its checkpoint committed together.
 */
export async function collectTopicMentions(db: Kysely<DB>, job: MentionCollection): Promise<MentionCollectionResult> {
  const compiled = compileForNetwork(parse(job.topic.query), job.connector.network, { mastodonSearch: job.mastodonSearch })
  const result: MentionCollectionResult = { pages: 0, posts: 0, matched: 0, profiles: 0, searches: compiled.specs.length, partialErrors: 0, complete: compiled.complete, ...(compiled.note && { note: compiled.note }) }
  const { workspaceId } = job.topic
  for (const spec of compiled.specs) {
    const kind = searchKind(spec)
    let checkpoint = await loadCheckpoint(db, job.topic.id, job.sourceId, kind)
    for (let page = 0; page < job.maxPages && !job.signal.aborted; page++) {
      const found = await job.connector.searchPage(spec, checkpoint, job.signal)
      // Enriched and matched before the transaction opens: it holds a connection only to write.
      const prepared = await prepareBatch(workspaceId, found, job.matchers)
      const stats = await db.transaction().execute(async (trx) => {
        const ingested = await storeBatch(trx, prepared)
        await rememberReadIds(trx, workspaceId, job.sourceId, found.posts)
        await saveCheckpoint(trx, job.topic.id, job.sourceId, kind, found.checkpoint)
        return ingested
      })
      checkpoint = found.checkpoint
      result.pages++
      result.posts += stats.posts
      result.matched += stats.matched
      job.onPage({ posts: stats.posts, matched: stats.matched })
      if (found.partialErrors?.length) {
        result.partialErrors += found.partialErrors.length
        job.onPartialErrors?.(found.partialErrors)
      }
      if (found.done) break
    }
  }
  result.profiles = await fillMissingProfiles(db, job.topic, job.connector, job.signal)
  return result
}
