import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import type { RankedAccount } from './types.ts'

const TOP = 5
const SIDE = 3
/** Risers are looked for among the top accounts, and must have climbed this many places. */
const RISER_POOL = 50
const RISER_MIN_CLIMB = 5

interface Row {
  account_id: number
  network: string
  handle: string
  display_name: string | null
  url: string | null
  influence: number
  relay: number
  influence_rank: number
  relay_rank: number
  before_influence_rank: number | null
  before_relay_rank: number | null
}

/**
 * Influencers, risers, relays and prospects of the latest score snapshot at `end`, with each
 * account's rank in the latest snapshot a week earlier (at `start`) to show who is new and who rose.
 */
export async function weekRankings(db: Kysely<DB>, topicId: string, start: Date, end: Date) {
  const latest = (at: Date) =>
    db.selectFrom('score_runs').select(['id', 'computed_at']).where('topic_id', '=', topicId).where('computed_at', '<=', at).orderBy('computed_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()
  const current = await latest(end)
  if (!current) return { scoredAt: null, comparedWith: null, influencers: [], risers: [], relays: [], prospects: [] }
  const before = await latest(start)
  const select = (where: ReturnType<typeof sql>, order: ReturnType<typeof sql>, limit: number) => sql<Row>`
    select s.account_id, a.network, a.handle, a.display_name, a.url, s.influence, s.relay, s.influence_rank, s.relay_rank,
      b.influence_rank as before_influence_rank, b.relay_rank as before_relay_rank
    from scores s join accounts a on a.id = s.account_id
    left join scores b on b.run_id = ${before?.id ?? null} and b.account_id = s.account_id
    where s.run_id = ${current.id} and ${where}
    order by ${order} limit ${limit}`.execute(db)

  const influencers = (await select(sql`true`, sql`s.influence_rank`, TOP)).rows
  const risers = (await select(
    sql`s.influence_rank > ${TOP} and s.influence_rank <= ${RISER_POOL} and b.influence_rank - s.influence_rank >= ${RISER_MIN_CLIMB}`,
    sql`b.influence_rank - s.influence_rank desc, s.influence_rank`, SIDE)).rows
  const relays = (await select(sql`true`, sql`s.relay_rank`, SIDE)).rows
  const prospects = (await select(sql`s.prospect`, sql`s.influence_rank`, SIDE)).rows
  return {
    scoredAt: current.computed_at,
    comparedWith: before?.computed_at ?? null,
    influencers: influencers.map((r) => ranked(r, 'influence')),
    risers: risers.map((r) => ranked(r, 'influence')),
    relays: relays.map((r) => ranked(r, 'relay')),
    prospects: prospects.map((r) => ranked(r, 'influence')),
  }
}

function ranked(r: Row, by: 'influence' | 'relay'): RankedAccount {
  return {
    accountId: r.account_id,
    network: r.network,
    handle: r.handle,
    displayName: r.display_name,
    url: r.url,
    score: by === 'influence' ? r.influence : r.relay,
    rank: by === 'influence' ? r.influence_rank : r.relay_rank,
    previousRank: by === 'influence' ? r.before_influence_rank : r.before_relay_rank,
  }
}
