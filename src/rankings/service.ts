import { z } from 'zod'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'
import { decodeCursor, encodeCursor } from '../api/cursor.ts'
import { notFound } from '../api/errors.ts'
import { isUuid } from '../workspaces/service.ts'
import type { RankedAccount, Ranking, RankingFilters, RankingPage } from './dto.ts'
import { latestRun, rankingPage, type LatestRun } from './queries.ts'

// A cursor pins the snapshot it started on: snapshots never change, so a client paging while a
// new scoring lands still sees one consistent ranking.
const rankingCursor = z.tuple([z.number().int().positive(), z.number().int().min(0)])
const STREAM_PAGE = 1000

export function createRankingService({ db }: { db: Kysely<DB> }) {
  async function topicRun(workspaceId: string, topicId: string, cursorRunId?: number): Promise<{ run: LatestRun | null; ownAccounts: number }> {
    if (!isUuid(topicId)) throw notFound('The topic')
    const topic = await db.selectFrom('topics').select(['id', 'own_accounts']).where('workspace_id', '=', workspaceId).where('id', '=', topicId).executeTakeFirst()
    if (!topic) throw notFound('The topic')
    const ownAccounts = Object.values(topic.own_accounts).flat().length
    if (cursorRunId === undefined) return { run: await latestRun(db, topicId), ownAccounts }
    const pinned = await db.selectFrom('score_runs').select(['id', 'computed_at', 'coverage']).where('topic_id', '=', topicId).where('id', '=', cursorRunId).executeTakeFirst()
    if (!pinned) throw notFound('The ranking snapshot of this cursor')
    return { run: { id: pinned.id, computedAt: pinned.computed_at, coverage: pinned.coverage }, ownAccounts }
  }

  return {
    /** The snapshot a request would read, for ETags: changes only when a new scoring lands. */
    async version(workspaceId: string, topicId: string): Promise<number | null> {
      return (await topicRun(workspaceId, topicId)).run?.id ?? null
    },

    async page(workspaceId: string, topicId: string, ranking: Ranking, filters: RankingFilters, limit: number, cursor?: string): Promise<RankingPage> {
      const [cursorRun, afterRank] = cursor ? decodeCursor(cursor, rankingCursor) : [undefined, 0]
      const { run, ownAccounts } = await topicRun(workspaceId, topicId, cursorRun)
      const note = noteFor(ranking, run, ownAccounts)
      if (!run) return { ranking, computedAt: null, coverage: null, items: [], nextCursor: null, ...(note && { note }) }
      const rows = await rankingPage(db, run.id, topicId, ranking, filters, afterRank, limit + 1)
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
      const { run } = await topicRun(workspaceId, topicId)
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
