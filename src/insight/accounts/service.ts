import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { ScoreComponents } from '../../platform/db/tables/scores.ts'
import { notFound } from '../../platform/shared/errors.ts'
import type { AccountDetail } from './dto.ts'

// Up to every snapshot the thinning policy keeps (≈102, see scoring/thin-history.ts), newest first.
const HISTORY = 120
const RECENT_POSTS = 20

/**
 * An account as a workspace sees it: only accounts that appear in its topics (a scored snapshot
 * or a matched post) exist for it; any other id is "not found".
 */
export function createAccountService({ db }: { db: Kysely<DB> }) {
  return {
    async get(workspaceId: string, rawId: string): Promise<AccountDetail> {
      if (!/^\d{1,15}$/.test(rawId)) throw notFound('The account')
      const id = Number(rawId)
      const account = await db
        .selectFrom('accounts')
        .select(['id', 'network', 'external_id', 'handle', 'display_name', 'url', 'bio', 'followers_count', 'following_count'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!account) throw notFound('The account')

      const scores = await sql<{ topic_id: string; topic_name: string; run_id: number; latest_run: number; computed_at: Date; influence: number; relay: number; influence_rank: number; relay_rank: number; community: number; prospect: boolean; components: ScoreComponents }>`
        select t.id as topic_id, t.name as topic_name, r.id as run_id,
          (select max(id) from score_runs where topic_id = t.id) as latest_run,
          r.computed_at, s.influence, s.relay, s.influence_rank, s.relay_rank, s.community, s.prospect, s.components
        from scores s join score_runs r on r.id = s.run_id join topics t on t.id = r.topic_id
        where s.account_id = ${id} and t.workspace_id = ${workspaceId}
        order by t.created_at, r.id desc`.execute(db)
      const posts = await sql<{ id: number; network: string; url: string | null; text: string; created_at: Date; topic_ids: string[] }>`
        select p.id, p.network, p.url, p.text, p.created_at, array_agg(tp.topic_id::text) as topic_ids
        from posts p join topic_posts tp on tp.post_id = p.id join topics t on t.id = tp.topic_id
        where p.author_id = ${id} and t.workspace_id = ${workspaceId}
        group by p.id order by p.created_at desc limit ${RECENT_POSTS}`.execute(db)
      if (scores.rows.length === 0 && posts.rows.length === 0) throw notFound('The account')

      const topics = new Map<string, AccountDetail['topics'][number]>()
      for (const s of scores.rows) {
        let topic = topics.get(s.topic_id)
        if (!topic) topics.set(s.topic_id, (topic = { topicId: s.topic_id, topicName: s.topic_name, latest: null, history: [] }))
        const point = { computedAt: s.computed_at.toISOString(), influence: s.influence, relay: s.relay, influenceRank: s.influence_rank, relayRank: s.relay_rank }
        if (s.run_id === Number(s.latest_run)) topic.latest = { ...point, community: s.community, prospect: s.prospect, components: s.components }
        if (topic.history.length < HISTORY) topic.history.push(point)
      }
      return {
        account: {
          id: String(account.id), network: account.network, externalId: account.external_id, handle: account.handle, displayName: account.display_name,
          url: account.url, bio: account.bio, followersCount: account.followers_count, followingCount: account.following_count,
        },
        topics: [...topics.values()],
        recentPosts: posts.rows.map((p) => ({ id: String(p.id), network: p.network, url: p.url, text: p.text, createdAt: p.created_at.toISOString(), topicIds: p.topic_ids })),
      }
    },
  }
}

export type AccountService = ReturnType<typeof createAccountService>
