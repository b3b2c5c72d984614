import { sql, type Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import { createApiKey, createWorkspace } from '../../src/tenancy/workspaces/service.ts'

export interface RankedTopic { workspaceId: string; topicId: string; readKey: string; runId: number }

/**
 * A benchmark fixture, not the scoring path: a workspace, a topic, `accounts` accounts and two
 * score snapshots of all of them (the previous one gives the latest its movements), written with
 * set-based SQL so 100,000 accounts take seconds. Values follow the shapes real scoring produces:
 * a heavy-tailed influence, relays ranked differently, a few hundred communities, ~5 % prospects,
 * components with full-precision floats (so the JSON is as long as a real one).
 */
export async function seedRankedTopic(db: Kysely<DB>, accounts: number): Promise<RankedTopic> {
  const workspace = await createWorkspace(db, 'API bench')
  const { key } = await createApiKey(db, workspace.id, ['read'])
  const topic = await db
    .insertInto('topics')
    .values({ workspace_id: workspace.id, name: 'Vélo (bench)', query: '#velo OR vélo', own_accounts: { mastodon: ['brand@bench.example'] } })
    .returning('id')
    .executeTakeFirstOrThrow()

  await sql`
    insert into accounts (network, external_id, handle, display_name, bio, url, followers_count, following_count, posts_count)
    select 'mastodon', 'https://bench.example/users/rider' || i, 'rider' || i || '@bench.example', 'Rider n°' || i,
      'Vélotaf quotidien, mécanique du dimanche et cartes des pistes cyclables de la ville. Compte n°' || i,
      'https://bench.example/@rider' || i, (2000000 / (i + 20))::int, 50 + (i * 37) % 900, 100 + (i * 53) % 5000
    from generate_series(1, ${accounts}) as i`.execute(db)

  await sql`analyze accounts`.execute(db)
  const previous = await insertRun(db, topic.id, new Date(Date.now() - 7 * 86_400_000))
  await insertScores(db, previous, null, 7)
  const latest = await insertRun(db, topic.id, new Date())
  await insertScores(db, latest, previous, 13)
  for (const table of ['scores', 'score_runs']) await sql`analyze ${sql.table(table)}`.execute(db)
  return { workspaceId: workspace.id, topicId: topic.id, readKey: key, runId: latest }
}

async function insertRun(db: Kysely<DB>, topicId: string, computedAt: Date): Promise<number> {
  const coverage = { nodes: 0, edges: 0, activeAuthors: 0, followListShare: 0.62, posts: 0, interactions: 0, follows: 0 }
  const run = await db
    .insertInto('score_runs')
    .values({ topic_id: topicId, computed_at: computedAt, window_start: new Date(computedAt.getTime() - 30 * 86_400_000), params: { windowDays: 30, damping: 0.85 }, coverage })
    .returning('id')
    .executeTakeFirstOrThrow()
  return run.id
}

/**
 * Every bench account scored in `runId`; `salt` reshuffles the ranks between the two snapshots.
 * Float arithmetic (::float8), not numeric: numeric power() over 100,000 rows takes minutes.
 */
async function insertScores(db: Kysely<DB>, runId: number, previousRunId: number | null, salt: number): Promise<void> {
  await sql`
    insert into scores (run_id, account_id, influence, relay, influence_rank, relay_rank, previous_influence_rank, previous_relay_rank, prospect, community, components)
    select ${runId}, r.id, 100 * power(r.influence_rank::float8, -0.45), 100 * power(r.relay_rank::float8, -0.6), r.influence_rank, r.relay_rank,
      p.influence_rank, p.relay_rank, (r.id * ${salt}) % 20 = 0, (r.id * 7919) % 350,
      jsonb_build_object(
        'pageRank', 0.0125 * power(r.influence_rank::float8, -0.9) + r.id * 1e-12::float8,
        'topicActivity', 0.004::float8 / (1 + (r.id * 31) % 4000) + r.id * 1e-9::float8,
        'topicPosts', 1 + (r.id * 13) % 40, 'engagement', (r.id * 17) % 900, 'inDegree', (r.id * 19) % 300,
        'betweenness', 0.00731 * power(r.relay_rank::float8, -0.7), 'crossCommunity', ((r.id * 23) % 1000) / 1000::float8 + 0.000123::float8,
        'amplification', (r.id * 29) % 25, 'followers', a.followers_count, 'kCore', 1 + (r.id * 41) % 12)
    from (
      select id, row_number() over (order by (id * ${salt}) % 1009, id) as influence_rank,
        row_number() over (order by (id * ${salt * 3}) % 1013, id desc) as relay_rank
      from accounts where external_id like 'https://bench.example/users/%'
    ) r
    join accounts a on a.id = r.id
    left join scores p on p.run_id = ${previousRunId} and p.account_id = r.id`.execute(db)
}
