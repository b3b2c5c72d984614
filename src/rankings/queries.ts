import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema.ts'
import type { ScoreComponents, ScoreCoverage } from '../db/tables/scores.ts'
import type { RankedAccount, Ranking, RankingFilters } from './dto.ts'

export interface LatestRun { id: number; computedAt: Date; coverage: ScoreCoverage }

export async function latestRun(db: Kysely<DB>, topicId: string): Promise<LatestRun | null> {
  const row = await db.selectFrom('score_runs').select(['id', 'computed_at', 'coverage']).where('topic_id', '=', topicId).orderBy('id', 'desc').limit(1).executeTakeFirst()
  return row ? { id: row.id, computedAt: row.computed_at, coverage: row.coverage } : null
}

interface Row {
  account_id: number; influence: number; relay: number; influence_rank: number; relay_rank: number
  previous_influence_rank: number | null; previous_relay_rank: number | null; prospect: boolean; community: number
  components: ScoreComponents; network: string; external_id: string; handle: string; display_name: string | null
  url: string | null; bio: string | null; followers_count: number | null; following_count: number | null
}

/** One page of a snapshot's ranking after `afterRank`, filtered, in rank order. */
export async function rankingPage(db: Kysely<DB>, runId: number, topicId: string, ranking: Ranking, filters: RankingFilters, afterRank: number, limit: number): Promise<RankedAccount[]> {
  const rankColumn = sql.ref(ranking === 'relays' ? 's.relay_rank' : 's.influence_rank')
  const rows = await sql<Row>`
    select s.account_id, s.influence, s.relay, s.influence_rank, s.relay_rank, s.previous_influence_rank, s.previous_relay_rank,
      s.prospect, s.community, s.components, a.network, a.external_id, a.handle, a.display_name, a.url, a.bio,
      a.followers_count, a.following_count
    from scores s join accounts a on a.id = s.account_id
    where s.run_id = ${runId} and ${rankColumn} > ${afterRank}
      ${ranking === 'prospects' ? sql`and s.prospect` : sql``}
      ${filters.network !== undefined ? sql`and a.network = ${filters.network}` : sql``}
      ${filters.community !== undefined ? sql`and s.community = ${filters.community}` : sql``}
      ${filters.minFollowers !== undefined ? sql`and a.followers_count >= ${filters.minFollowers}` : sql``}
      ${filters.language !== undefined ? sql`and exists (select 1 from posts p join topic_posts tp on tp.post_id = p.id
          where tp.topic_id = ${topicId} and p.author_id = s.account_id and p.lang = ${filters.language})` : sql``}
    order by ${rankColumn}
    limit ${limit}`.execute(db)
  return rows.rows.map((r) => toRanked(r, ranking))
}

function toRanked(r: Row, ranking: Ranking): RankedAccount {
  const relays = ranking === 'relays'
  const rank = relays ? r.relay_rank : r.influence_rank
  const previous = relays ? r.previous_relay_rank : r.previous_influence_rank
  return {
    rank,
    score: relays ? r.relay : r.influence,
    influence: r.influence,
    relay: r.relay,
    community: r.community,
    prospect: r.prospect,
    movement: { previousRank: previous, change: previous === null ? null : previous - rank, isNew: previous === null },
    components: r.components,
    account: {
      id: String(r.account_id), network: r.network, externalId: r.external_id, handle: r.handle, displayName: r.display_name,
      url: r.url, bio: r.bio, followersCount: r.followers_count, followingCount: r.following_count,
    },
  }
}
