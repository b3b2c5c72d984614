import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { Connector } from '../networks/connector.ts'
import { jsonRows, jsonTuples } from '../../platform/db/json-rows.ts'
import { postsToRefresh } from './posts-to-refresh.ts'

/** Counts are re-read for a week: most of a post's engagement comes within days of it. */
export const DEFAULT_ENGAGEMENT_WINDOW_DAYS = 7

export interface EngagementRefresh {
  workspaceId: string
  sourceId: string
  topicIds: string[]
  connector: Connector
  /** Requests this pass may make for this source (the network's batch read, one per call). */
  maxRequests: number
  now: Date
  signal: AbortSignal
}

export interface EngagementRefreshResult { requests: number; posts: number; stale: number; missed: number }

/**
 * Re-reads the engagement counts of the topics' matched posts younger than the workspace's
 * window, oldest reading first, through the network's batch read. Each batch writes the new
 * counts on the posts and keeps the reading (time + counts) for velocity. A post the network
 * left out of its answer (deleted, private, unknown) has its failed reading through this source
 * kept instead, so it waits behind the others and, failing again, leaves this source's line
 * (posts-to-refresh.ts); other sources of its network keep reading it.
 */
export async function refreshEngagement(db: Kysely<DB>, job: EngagementRefresh): Promise<EngagementRefreshResult> {
  const result: EngagementRefreshResult = { requests: 0, posts: 0, stale: 0, missed: 0 }
  const { connector } = job
  if (!connector.engagement || !connector.engagementBatch || job.topicIds.length === 0 || job.maxRequests <= 0) return result
  const settings = await db.selectFrom('workspaces').select('settings').where('id', '=', job.workspaceId).executeTakeFirst()
  const days = settings?.settings.engagementWindowDays ?? DEFAULT_ENGAGEMENT_WINDOW_DAYS
  const since = new Date(job.now.getTime() - days * 86_400_000)
  const due = await postsToRefresh(db, { topicIds: job.topicIds, network: connector.network, sourceId: job.sourceId, byReadId: connector.readsByReadId === true, since, limit: Math.min(job.maxRequests * connector.engagementBatch, connector.engagementReadsPerRun ?? Infinity) })
  result.stale = due.length
  let start = 0
  while (start < due.length && result.requests < job.maxRequests && !job.signal.aborted) {
    const batch = connector.engagementBatch
    const chunk = due.slice(start, start + batch)
    const readings = await connector.engagement(chunk.map((p) => p.readId), job.signal)
    result.requests++
    // The network's batch read proved missing (an older Mastodon): the chunk is read again at the size it takes.
    if (connector.engagementBatch < batch) continue
    start += chunk.length
    const idOf = new Map(chunk.map((p) => [p.externalId, p.id]))
    const rows = readings.filter((r) => idOf.has(r.externalId)).map((r) => ({ post_id: idOf.get(r.externalId)!, likes: r.likes, reposts: r.reposts, replies: r.replies, quotes: r.quotes }))
    const read = new Set(rows.map((r) => r.post_id))
    const missed = chunk.filter((p) => !read.has(p.id)).map((p) => p.id)
    await db.transaction().execute(async (trx) => {
      if (rows.length > 0) {
        const values = jsonRows(rows, 'post_id bigint, likes int, reposts int, replies int, quotes int')
        await sql`
          update posts p set likes = r.likes, reposts = r.reposts, replies = r.replies, quotes = r.quotes, updated_at = now()
          from ${values} where p.id = r.post_id`.execute(trx)
        await sql`
          insert into post_engagement_readings (post_id, read_at, likes, reposts, replies, quotes)
          select post_id, now(), likes, reposts, replies, quotes from ${values}
          on conflict (post_id, read_at) do nothing`.execute(trx)
        await trx.deleteFrom('post_engagement_misses').where('source_id', '=', job.sourceId).where('post_id', 'in', [...read]).execute()
      }
      if (missed.length > 0) {
        await sql`
          insert into post_engagement_misses (post_id, source_id, misses, missed_at)
          select post_id, ${job.sourceId}::uuid, 1, now() from ${jsonTuples(missed.map((id) => [id]), 'post_id bigint')}
          on conflict (post_id, source_id) do update set misses = post_engagement_misses.misses + 1, missed_at = excluded.missed_at`.execute(trx)
      }
    })
    result.posts += rows.length
    result.missed += missed.length
  }
  return result
}
