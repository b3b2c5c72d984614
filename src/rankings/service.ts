import { z } from 'zod'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'
import { decodeCursor, encodeCursor } from '../api/cursor.ts'
import { notFound } from '../api/errors.ts'
import { createMemoCache } from '../shared/memo-cache.ts'
import { isUuid } from '../workspaces/service.ts'
import { rankingPageSchema, type RankedAccount, type Ranking, type RankingFilters, type RankingPage } from './dto.ts'
import { periodBaseline } from './period-baseline.ts'
import { rankingPage, topicRunWithPage, topicSnapshot, type Baseline, type TopicSnapshot } from './queries.ts'

// A cursor pins the snapshot it started on: snapshots never change, so a client paging while a
// new scoring lands still sees one consistent ranking.
const rankingCursor = z.tuple([z.number().int().positive(), z.number().int().min(0)])
const STREAM_PAGE = 1000

/** The snapshot a request reads, checked against the workspace; found once per request and passed on. */
export interface Snapshot {
  workspaceId: string
  topicId: string
  /** The topic's latest snapshot (null before the first scoring): what the ETag follows. */
  latestRunId: number | null
  /** The snapshot read: the one a cursor pinned, else the latest. */
  runId: number | null
  afterRank: number
  ownAccounts: number
}

export function createRankingService({ db }: { db: Kysely<DB> }) {
  // Rendered pages: 2,000 pages of 50 items (≈ 38 kB each) fit in 64 MB.
  const pages = createMemoCache<Buffer>({ maxEntries: 2000, maxBytes: 64 * 1024 * 1024, sizeOf: (page) => page.length })

  /** One page, read from the database. */
  async function render(s: Snapshot, ranking: Ranking, filters: RankingFilters, limit: number): Promise<RankingPage> {
    const note = noteFor(ranking, s.runId, s.ownAccounts)
    if (s.runId === null) return { ranking, computedAt: null, coverage: null, items: [], nextCursor: null, ...(note && { note }), ...(filters.period && { comparedWith: null }) }
    const { baseline, comparedWith } = await baselineOf(s.topicId, s.runId, filters)
    const found = await topicRunWithPage(db, s.workspaceId, s.topicId, s.runId, ranking, filters, s.afterRank, limit + 1, baseline)
    if (!found?.run) throw notFound('The ranking snapshot')
    const items = found.items.slice(0, limit)
    const last = items.at(-1)
    return {
      ranking, computedAt: found.run.computedAt.toISOString(), coverage: found.run.coverage, items,
      ...(comparedWith !== undefined && { comparedWith }),
      nextCursor: found.items.length > limit && last ? encodeCursor([found.run.id, last.rank]) : null,
      ...(note && { note }),
    }
  }

  /** Movements against the previous snapshot, or against the one nearest the start of the period asked for. */
  async function baselineOf(topicId: string, runId: number, filters: RankingFilters): Promise<{ baseline: Baseline; comparedWith?: string | null }> {
    if (!filters.period) return { baseline: { kind: 'previous' } }
    const found = await periodBaseline(db, topicId, runId, filters.period)
    return { baseline: { kind: 'snapshot', runId: found?.runId ?? null }, comparedWith: found?.computedAt.toISOString() ?? null }
  }

  // Requests for the same topic that arrive while its lookup is in flight share that lookup, as
  // they would have been answered by it had they come a moment earlier: under load, most requests
  // for a popular topic then cost no statement, and none reads a snapshot older than one round trip.
  const lookups = new Map<string, Promise<TopicSnapshot | null>>()
  function lookup(workspaceId: string, topicId: string, pinnedRunId: number | undefined): Promise<TopicSnapshot | null> {
    const key = `${workspaceId} ${topicId} ${pinnedRunId ?? ''}`
    let pending = lookups.get(key)
    if (!pending) {
      pending = topicSnapshot(db, workspaceId, topicId, pinnedRunId).finally(() => lookups.delete(key))
      lookups.set(key, pending)
    }
    return pending
  }

  return {
    /**
     * The topic's snapshot as the workspace may read it, in one statement: 404 for another
     * workspace's topic, 400 for a cursor this API did not issue, 404 for a lost pinned snapshot.
     */
    async snapshot(workspaceId: string, topicId: string, cursor?: string): Promise<Snapshot> {
      if (!isUuid(topicId)) throw notFound('The topic')
      let pinned: [number, number] | undefined
      let badCursor: unknown
      try {
        pinned = cursor ? decodeCursor(cursor, rankingCursor) : undefined
      } catch (error) {
        badCursor = error // reported once the topic is known to be the workspace's
      }
      const found = await lookup(workspaceId, topicId, pinned?.[0])
      if (!found) throw notFound('The topic')
      if (badCursor) throw badCursor
      if (pinned && !found.pinnedFound) throw notFound('The ranking snapshot of this cursor')
      return {
        workspaceId, topicId, latestRunId: found.latestRunId, runId: pinned ? pinned[0] : found.latestRunId,
        afterRank: pinned?.[1] ?? 0, ownAccounts: Object.values(found.ownAccounts).flat().length,
      }
    },

    /**
     * One page of the snapshot as the JSON the API sends, rendered once per snapshot and request
     * shape: a snapshot never changes, so a page keyed by its run id never goes stale.
     */
    pageJson(s: Snapshot, ranking: Ranking, filters: RankingFilters, limit: number): Promise<Buffer> {
      const key = JSON.stringify([
        s.workspaceId, s.topicId, s.runId, s.afterRank, s.ownAccounts > 0, ranking, limit,
        filters.network ?? null, filters.community ?? null, filters.minFollowers ?? null, filters.language ?? null, filters.period ?? null,
      ])
      // Encoded through the response schema, as the route's serialiser would: no column leaks.
      return pages.get(key, async () => Buffer.from(JSON.stringify(rankingPageSchema.encode(await render(s, ranking, filters, limit)))))
    },

    /** Every item of the snapshot, page by page, for exports that must not load it whole. */
    async *all(s: Snapshot, ranking: Ranking, filters: RankingFilters): AsyncGenerator<RankedAccount> {
      if (s.runId === null) return
      const { baseline } = await baselineOf(s.topicId, s.runId, filters)
      let after = 0
      for (;;) {
        const rows = await rankingPage(db, s.runId, s.topicId, ranking, filters, after, STREAM_PAGE, baseline)
        yield* rows
        if (rows.length < STREAM_PAGE) return
        after = rows[rows.length - 1].rank
      }
    },
  }
}

export type RankingService = ReturnType<typeof createRankingService>

function noteFor(ranking: Ranking, runId: number | null, ownAccounts: number): string | undefined {
  if (runId === null) return 'This topic has not been scored yet: the score job runs after collection (or POST /v1/jobs/score/runs).'
  if (ranking === 'prospects' && ownAccounts === 0) return 'Prospects need the topic\'s own accounts (ownAccounts) to tell who has no tie to the brand yet.'
  return undefined
}
