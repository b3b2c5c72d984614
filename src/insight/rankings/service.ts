import { z } from 'zod'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { decodeCursor, encodeCursor } from '../../platform/shared/cursor.ts'
import { notFound } from '../../platform/shared/errors.ts'
import { createMemoCache } from '../../platform/shared/memo-cache.ts'
import { isUuid } from '../../platform/shared/ids.ts'
import { rankingPageSchema, rankedAccountSchema, type RankedAccount, type Ranking, type RankingFilters, type RankingPage, type ReasonLanguage } from './dto.ts'
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
  /** Networks where the topic names an own account of the brand, sorted. */
  ownNetworks: string[]
  /** Changes when a person is erased from the snapshots (or the topic is edited). */
  topicUpdatedAt: number
}

export function createRankingService({ db }: { db: Kysely<DB> }) {
  // Rendered pages: 2,000 pages of 50 items (≈ 38 kB each) fit in 64 MB.
  const pages = createMemoCache<Buffer>({ maxEntries: 2000, maxBytes: 64 * 1024 * 1024, sizeOf: (page) => page.length })

  /** One page, read from the database. */
  async function render(s: Snapshot, ranking: Ranking, filters: RankingFilters, limit: number, lang: ReasonLanguage): Promise<RankingPage> {
    const note = noteFor(ranking, s.runId, s.ownNetworks, lang)
    if (s.runId === null) return { ranking, computedAt: null, coverage: null, items: [], nextCursor: null, ...(note && { note }), ...(filters.period && { comparedWith: null }) }
    const { baseline, comparedWith } = await baselineOf(s.topicId, s.runId, filters)
    const found = await topicRunWithPage(db, s.workspaceId, s.topicId, s.runId, ranking, filters, s.afterRank, limit + 1, lang, baseline)
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
        afterRank: pinned?.[1] ?? 0, topicUpdatedAt: found.topicUpdatedAt,
        ownNetworks: Object.entries(found.ownAccounts).filter(([, handles]) => handles.length > 0).map(([network]) => network).sort(),
      }
    },

    /**
     * One page of the snapshot as the JSON the API sends, rendered once per snapshot and request
     * shape: a snapshot never changes, so a page keyed by its run id never goes stale.
     */
    pageJson(s: Snapshot, ranking: Ranking, filters: RankingFilters, limit: number, lang: ReasonLanguage = 'en'): Promise<Buffer> {
      const key = JSON.stringify([
        s.workspaceId, s.topicId, s.runId, s.topicUpdatedAt, s.afterRank, s.ownNetworks, ranking, limit, lang,
        filters.network ?? null, filters.community ?? null, filters.minFollowers ?? null, filters.language ?? null, filters.period ?? null,
      ])
      // Encoded through the response schema, as the route's serialiser would: no column leaks.
      return pages.get(key, async () => Buffer.from(JSON.stringify(rankingPageSchema.encode(await render(s, ranking, filters, limit, lang)))))
    },

    /** Every item of the snapshot, page by page, for exports that must not load it whole. */
    async *all(s: Snapshot, ranking: Ranking, filters: RankingFilters, lang: ReasonLanguage = 'en'): AsyncGenerator<RankedAccount> {
      if (s.runId === null) return
      const { baseline } = await baselineOf(s.topicId, s.runId, filters)
      let after = 0
      for (;;) {
        const rows = await rankingPage(db, s.runId, s.topicId, ranking, filters, after, STREAM_PAGE, lang, baseline)
        // Through the item schema, as a JSON page is: no field the API does not document.
        for (const row of rows) yield rankedAccountSchema.encode(row)
        if (rows.length < STREAM_PAGE) return
        after = rows[rows.length - 1].rank
      }
    },
  }
}

export type RankingService = ReturnType<typeof createRankingService>

function noteFor(ranking: Ranking, runId: number | null, ownNetworks: string[], lang: ReasonLanguage): string | undefined {
  const text = NOTES[lang]
  if (runId === null) return text.notScored
  if (ranking !== 'prospects') return undefined
  if (ownNetworks.length === 0) return text.noOwnAccounts
  return ownNetworks.length === 1 ? text.oneNetwork(ownNetworks[0]) : undefined
}

const NOTES = {
  en: {
    notScored: 'This topic has not been scored yet: the score job runs after collection (or POST /v1/jobs/score/runs).',
    noOwnAccounts: 'Prospects need the topic\'s own accounts (ownAccounts) to tell who has no tie to the brand yet.',
    oneNetwork: (network: string) => `The brand's own accounts are on ${network} only, so prospects are sought there: follows and interactions never cross networks, and on any other network every account would look "not yet tied to you". Add the brand's account on another network to ownAccounts to seek prospects there too.`,
  },
  fr: {
    notScored: 'Ce sujet n’a pas encore été noté : le calcul des scores suit la collecte (ou POST /v1/jobs/score/runs).',
    noOwnAccounts: 'Les prospects demandent les comptes de la marque pour ce sujet (ownAccounts), afin de savoir qui n’a encore aucun lien avec elle.',
    oneNetwork: (network: string) => `Les comptes de la marque ne sont que sur ${network} : les prospects y sont cherchés, car abonnements et échanges ne traversent jamais les réseaux et, ailleurs, tout compte paraîtrait « sans lien avec vous ». Ajoutez le compte de la marque sur un autre réseau dans ownAccounts pour y chercher aussi des prospects.`,
  },
} satisfies Record<ReasonLanguage, unknown>
