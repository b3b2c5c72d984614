import { z } from 'zod'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'
import { decodeCursor, encodeCursor } from '../api/cursor.ts'
import { notFound } from '../api/errors.ts'
import { isUuid } from '../workspaces/service.ts'
import type { RankedAccount, Ranking, RankingFilters, RankingPage } from './dto.ts'
import { rankingPage, topicRun, topicRunWithPage, type LatestRun, type TopicRun } from './queries.ts'

// A cursor pins the snapshot it started on: snapshots never change, so a client paging while a
// new scoring lands still sees one consistent ranking.
const rankingCursor = z.tuple([z.number().int().positive(), z.number().int().min(0)])
const STREAM_PAGE = 1000

/** The topic's snapshot as the workspace may read it; 404 for another workspace's topic or a lost pinned snapshot. */
function checked<T extends TopicRun>(found: T | null, pinnedRunId: number | undefined): T {
  if (!found) throw notFound('The topic')
  if (pinnedRunId !== undefined && !found.run) throw notFound('The ranking snapshot of this cursor')
  return found
}

export function createRankingService({ db }: { db: Kysely<DB> }) {
  async function latest(workspaceId: string, topicId: string): Promise<TopicRun> {
    if (!isUuid(topicId)) throw notFound('The topic')
    return checked(await topicRun(db, workspaceId, topicId), undefined)
  }

  return {
    /** The snapshot a request would read, for ETags: changes only when a new scoring lands. */
    async version(workspaceId: string, topicId: string): Promise<number | null> {
      return (await latest(workspaceId, topicId)).run?.id ?? null
    },

    async page(workspaceId: string, topicId: string, ranking: Ranking, filters: RankingFilters, limit: number, cursor?: string): Promise<RankingPage> {
      const [cursorRun, afterRank] = cursor ? decodeCursor(cursor, rankingCursor) : [undefined, 0]
      if (!isUuid(topicId)) throw notFound('The topic')
      const { run, ownAccounts, items: rows } = checked(await topicRunWithPage(db, workspaceId, topicId, cursorRun, ranking, filters, afterRank, limit + 1), cursorRun)
      const note = noteFor(ranking, run, Object.values(ownAccounts).flat().length)
      if (!run) return { ranking, computedAt: null, coverage: null, items: [], nextCursor: null, ...(note && { note }) }
      const items = rows.slice(0, limit)
      const last = items.at(-1)
      return {
        ranking, computedAt: run.computedAt.toISOString(), coverage: run.coverage, items,
        nextCursor: rows.length > limit && last ? encodeCursor([run.id, last.rank]) : null,
        ...(note && { note }),
      }
    },

    /** Every item of the latest snapshot, page by page, for exports that must not load it whole. */
    async *all(workspaceId: string, topicId: string, ranking: Ranking, filters: RankingFilters): AsyncGenerator<RankedAccount> {
      const { run } = await latest(workspaceId, topicId)
      if (!run) return
      let after = 0
      for (;;) {
        const rows = await rankingPage(db, run.id, topicId, ranking, filters, after, STREAM_PAGE)
        yield* rows
        if (rows.length < STREAM_PAGE) return
        after = rows[rows.length - 1].rank
      }
    },
  }
}

export type RankingService = ReturnType<typeof createRankingService>

function noteFor(ranking: Ranking, run: LatestRun | null, ownAccounts: number): string | undefined {
  if (!run) return 'This topic has not been scored yet: the score job runs after collection (or POST /v1/jobs/score/runs).'
  if (ranking === 'prospects' && ownAccounts === 0) return 'Prospects need the topic\'s own accounts (ownAccounts) to tell who has no tie to the brand yet.'
  return undefined
}
