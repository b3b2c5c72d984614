import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { OwnAccounts } from '../../platform/db/tables/topics.ts'
import type { ScoreComponents, ScoreCoverage } from '../../platform/db/tables/scores.ts'
import type { RankedAccount, Ranking, RankingFilters, ReasonLanguage } from './dto.ts'
import { reasonsFor } from './reasons.ts'

export interface LatestRun { id: number; computedAt: Date; coverage: ScoreCoverage }

/** A topic of the workspace and the snapshot a request reads: the latest, or the one a cursor pinned (null: none). */
export interface TopicRun { ownAccounts: OwnAccounts; run: LatestRun | null }

interface TopicRunRow { own_accounts: OwnAccounts; run_id: number | null; computed_at: Date | null; coverage: ScoreCoverage | null }

// The topic check and the snapshot lookup are one statement (and a page joins them too): a ranked
// list is the API's hottest read, and each statement is a round trip.
function topicRunSql(workspaceId: string, topicId: string, pinnedRunId: number | undefined): RawBuilder<TopicRunRow> {
  return sql<TopicRunRow>`
    select t.own_accounts, r.id as run_id, r.computed_at, r.coverage
    from topics t
    left join lateral (
      select id, computed_at, coverage from score_runs
      where topic_id = t.id ${pinnedRunId !== undefined ? sql`and id = ${pinnedRunId}` : sql``}
      order by id desc limit 1
    ) r on true
    where t.workspace_id = ${workspaceId} and t.id = ${topicId}`
}

function toTopicRun(r: TopicRunRow): TopicRun {
  const run = r.run_id !== null && r.computed_at !== null && r.coverage !== null ? { id: r.run_id, computedAt: r.computed_at, coverage: r.coverage } : null
  return { ownAccounts: r.own_accounts, run }
}

/** What a request needs before any page: the topic's own accounts, its latest snapshot, and whether a cursor's snapshot is the topic's. */
export interface TopicSnapshot {
  ownAccounts: OwnAccounts; latestRunId: number | null; pinnedFound: boolean
  /** When the topic last changed, erasures of people included: snapshots are edited only then. */
  topicUpdatedAt: number
}

/** null when the workspace has no such topic; one short statement, no snapshot payload. */
export async function topicSnapshot(db: Kysely<DB>, workspaceId: string, topicId: string, pinnedRunId?: number): Promise<TopicSnapshot | null> {
  const { rows } = await sql<{ own_accounts: OwnAccounts; latest_run_id: number | null; pinned_found: boolean; updated_at: Date }>`
    select t.own_accounts, t.updated_at, (select max(r.id) from score_runs r where r.topic_id = t.id) as latest_run_id,
      ${pinnedRunId !== undefined ? sql`exists (select 1 from score_runs r where r.topic_id = t.id and r.id = ${pinnedRunId})` : sql`false`} as pinned_found
    from topics t
    where t.workspace_id = ${workspaceId} and t.id = ${topicId}`.execute(db)
  const row = rows[0]
  return row ? { ownAccounts: row.own_accounts, latestRunId: row.latest_run_id, pinnedFound: row.pinned_found, topicUpdatedAt: row.updated_at.getTime() } : null
}

/**
 * The rank a list is ordered and paged by. Prospects have a list of their own (1..n) kept in the
 * components; snapshots from before it existed fall back to the influence rank.
 */
function rankSql(ranking: Ranking, alias: string): RawBuilder<number> {
  if (ranking === 'relays') return sql<number>`${sql.ref(`${alias}.relay_rank`)}`
  if (ranking === 'influencers') return sql<number>`${sql.ref(`${alias}.influence_rank`)}`
  return sql<number>`coalesce((${sql.ref(`${alias}.components`)}->>'prospectRank')::int, ${sql.ref(`${alias}.influence_rank`)})`
}

interface Row {
  list_rank: number
  account_id: number; influence: number; relay: number; influence_rank: number; relay_rank: number
  previous_influence_rank: number | null; previous_relay_rank: number | null; prospect: boolean; community: number
  components: ScoreComponents; network: string; external_id: string; handle: string; display_name: string | null
  url: string | null; bio: string | null; followers_count: number | null; following_count: number | null
}

/**
 * What movements are measured against: the ranks stored with each row (the previous snapshot), or
 * the ranks of a chosen earlier snapshot (null: none, every account is new).
 */
export type Baseline = { kind: 'previous' } | { kind: 'snapshot'; runId: number | null }

/** The rows of one page of snapshot `runId` after `afterRank`, filtered, in rank order. */
function pageSql(runId: RawBuilder<unknown>, topicId: string, ranking: Ranking, filters: RankingFilters, afterRank: number, limit: number, baseline: Baseline): RawBuilder<Row> {
  const rankColumn = rankSql(ranking, 's')
  const previous = baseline.kind === 'previous'
    ? sql`s.previous_influence_rank, s.previous_relay_rank`
    : sql`b.influence_rank as previous_influence_rank, b.relay_rank as previous_relay_rank`
  return sql<Row>`
    select s.account_id, s.influence, s.relay, s.influence_rank, s.relay_rank, ${previous},
      ${rankColumn} as list_rank, s.prospect, s.community, s.components, a.network, a.external_id, a.handle, a.display_name, a.url, a.bio,
      a.followers_count, a.following_count
    from scores s join accounts a on a.id = s.account_id
      ${baseline.kind === 'snapshot' ? sql`left join scores b on b.run_id = ${baseline.runId} and b.account_id = s.account_id` : sql``}
    where s.run_id = ${runId} and ${rankColumn} > ${afterRank}
      ${ranking === 'prospects' ? sql`and s.prospect` : sql``}
      ${ranking === 'relays' ? sql`and (s.components->>'amplification')::float8 > 0` : sql``}
      ${filters.network !== undefined ? sql`and a.network = ${filters.network}` : sql``}
      ${filters.community !== undefined ? sql`and s.community = ${filters.community}` : sql``}
      ${filters.minFollowers !== undefined ? sql`and a.followers_count >= ${filters.minFollowers}` : sql``}
      ${filters.language !== undefined ? sql`and exists (select 1 from posts p join topic_posts tp on tp.post_id = p.id
          where tp.topic_id = ${topicId} and p.author_id = s.account_id and p.lang = ${filters.language})` : sql``}
    order by ${rankColumn}
    limit ${limit}`
}

/** One page of a snapshot's ranking after `afterRank`, filtered, in rank order. */
export async function rankingPage(db: Kysely<DB>, runId: number, topicId: string, ranking: Ranking, filters: RankingFilters, afterRank: number, limit: number, lang: ReasonLanguage, baseline: Baseline): Promise<RankedAccount[]> {
  const { rows } = await pageSql(sql`${runId}`, topicId, ranking, filters, afterRank, limit, baseline).execute(db)
  return rows.map((r) => toRanked(r, ranking, lang))
}

/** The topic, its snapshot and one page of it, in one statement; null when the workspace has no such topic. */
export async function topicRunWithPage(
  db: Kysely<DB>, workspaceId: string, topicId: string, pinnedRunId: number | undefined,
  ranking: Ranking, filters: RankingFilters, afterRank: number, limit: number, lang: ReasonLanguage, baseline: Baseline,
): Promise<(TopicRun & { items: RankedAccount[] }) | null> {
  const { rows } = await sql<TopicRunRow & { [K in keyof Row]: Row[K] | null }>`
    with target as (${topicRunSql(workspaceId, topicId, pinnedRunId)})
    select target.*, page.* from target
    left join lateral (${pageSql(sql`target.run_id`, topicId, ranking, filters, afterRank, limit, baseline)}) page on true
    order by page.list_rank`.execute(db)
  if (!rows[0]) return null
  const items = rows.flatMap((r) => (r.account_id === null ? [] : [toRanked(r as TopicRunRow & Row, ranking, lang)]))
  return { ...toTopicRun(rows[0]), items }
}

function toRanked(r: Row, ranking: Ranking, lang: ReasonLanguage): RankedAccount {
  const relays = ranking === 'relays'
  const rank = r.list_rank
  // A prospect's place in the previous snapshot's prospects is not kept: its influence rank is compared there.
  const previous = relays ? r.previous_relay_rank : ranking === 'influencers' ? r.previous_influence_rank : null
  return {
    rank,
    score: relays ? r.relay : r.influence,
    influence: r.influence,
    relay: r.relay,
    community: r.community,
    prospect: r.prospect,
    movement: { previousRank: previous, change: previous === null ? null : previous - rank, isNew: r.previous_influence_rank === null },
    components: r.components,
    account: {
      id: String(r.account_id), network: r.network, externalId: r.external_id, handle: r.handle, displayName: r.display_name,
      url: r.url, bio: r.bio, followersCount: r.followers_count, followingCount: r.following_count,
    },
    audience: r.components.audience ?? false,
    communityName: r.components.communityName ?? null,
    reasons: reasonsFor({ ranking, influenceRank: r.influence_rank, components: r.components, communityName: r.components.communityName ?? null }, lang),
  }
}
