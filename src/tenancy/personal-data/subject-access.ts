import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { findPerson, type PersonRef } from './find-person.ts'

// What is held about one person, for a subject access request. `workspaceId` narrows it to what
// one workspace sees (its topics' matches and scores, its imports); without it (the operator's
// command), everything the instance holds.

export interface SubjectAccessReport {
  network: string
  account: string
  found: boolean
  profile: Record<string, unknown> | null
  posts: Record<string, unknown>[]
  follows: { following: string[]; followers: string[] }
  interactions: Record<string, unknown>[]
  topicMatches: { topicId: string; postId: string; matchedAt: string }[]
  scores: { topicId: string; computedAt: string; influence: number; relay: number; influenceRank: number; relayRank: number }[]
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export async function subjectAccess(db: Kysely<DB>, ref: PersonRef, workspaceId?: string): Promise<SubjectAccessReport> {
  const empty: SubjectAccessReport = { network: ref.network, account: ref.account, found: false, profile: null, posts: [], follows: { following: [], followers: [] }, interactions: [], topicMatches: [], scores: [] }
  const person = await findPerson(db, ref)
  if (!person) return empty
  const id = person.id
  const inWorkspace = workspaceId === undefined ? sql`true` : sql`t.workspace_id = ${workspaceId}`
  const profile = await db.selectFrom('accounts')
    .select(['network', 'external_id', 'handle', 'display_name', 'bio', 'url', 'followers_count', 'following_count', 'posts_count', 'first_seen_at', 'last_seen_at'])
    .where('id', '=', id).executeTakeFirstOrThrow()
  // A workspace sees the posts its topics matched or it imported; the operator sees them all.
  const postFilter = workspaceId === undefined ? sql`true` : sql`(
    exists (select 1 from topic_posts tp join topics t on t.id = tp.topic_id where tp.post_id = p.id and t.workspace_id = ${workspaceId})
    or exists (select 1 from imported_posts ip where ip.post_id = p.id and ip.workspace_id = ${workspaceId}))`
  const posts = await sql<{ id: number; external_id: string; created_at: Date; text: string; lang: string | null; url: string | null; likes: number; reposts: number; replies: number; quotes: number; collected_at: Date }>`
    select p.id, p.external_id, p.created_at, p.text, p.lang, p.url, p.likes, p.reposts, p.replies, p.quotes, p.collected_at
    from posts p where p.author_id = ${id} and ${postFilter} order by p.created_at, p.id`.execute(db)
  const visiblePosts = posts.rows.map((p) => p.id)
  const follows = workspaceId === undefined
    ? await sql<{ direction: string; other: string }>`
        select 'following' as direction, a.external_id as other from follows f join accounts a on a.id = f.followee_id where f.follower_id = ${id}
        union all
        select 'followers', a.external_id from follows f join accounts a on a.id = f.follower_id where f.followee_id = ${id}`.execute(db)
    : { rows: [] }
  const interactions = await sql<{ kind: string; role: string; other: string; post: string; occurred_at: Date }>`
    select i.kind, case when i.source_id = ${id} then 'by' else 'to' end as role,
      a.external_id as other, p.external_id as post, i.occurred_at
    from interactions i
    join accounts a on a.id = case when i.source_id = ${id} then i.target_id else i.source_id end
    join posts p on p.id = i.post_id
    where (i.source_id = ${id} or i.target_id = ${id}) and ${workspaceId === undefined ? sql`true` : sql`i.post_id = any(${visiblePosts.length ? visiblePosts : [-1]}::bigint[])`}
    order by i.occurred_at, i.id`.execute(db)
  const matches = await sql<{ topic_id: string; post: string; matched_at: Date }>`
    select tp.topic_id, p.external_id as post, tp.matched_at from topic_posts tp join posts p on p.id = tp.post_id join topics t on t.id = tp.topic_id
    where p.author_id = ${id} and ${inWorkspace} order by tp.matched_at`.execute(db)
  const scores = await sql<{ topic_id: string; computed_at: Date; influence: number; relay: number; influence_rank: number; relay_rank: number }>`
    select r.topic_id, r.computed_at, s.influence, s.relay, s.influence_rank, s.relay_rank
    from scores s join score_runs r on r.id = s.run_id join topics t on t.id = r.topic_id
    where s.account_id = ${id} and ${inWorkspace} order by r.computed_at`.execute(db)
  // A workspace that holds nothing of the person learns nothing of them, not even that another
  // workspace does (the profile is shared).
  if (workspaceId !== undefined && !posts.rows.length && !matches.rows.length && !scores.rows.length) {
    const imported = await db.selectFrom('imported_accounts').select('account_id').where('workspace_id', '=', workspaceId).where('account_id', '=', id).executeTakeFirst()
    if (!imported) return empty
  }
  return {
    ...empty,
    account: person.externalId,
    found: true,
    profile: { ...profile, first_seen_at: iso(profile.first_seen_at), last_seen_at: iso(profile.last_seen_at) },
    posts: posts.rows.map(({ id: _id, ...p }) => ({ ...p, created_at: iso(p.created_at), collected_at: iso(p.collected_at) })),
    follows: {
      following: follows.rows.filter((f) => f.direction === 'following').map((f) => f.other),
      followers: follows.rows.filter((f) => f.direction === 'followers').map((f) => f.other),
    },
    interactions: interactions.rows.map((i) => ({ ...i, occurred_at: iso(i.occurred_at) })),
    topicMatches: matches.rows.map((m) => ({ topicId: m.topic_id, postId: m.post, matchedAt: m.matched_at.toISOString() })),
    scores: scores.rows.map((s) => ({ topicId: s.topic_id, computedAt: s.computed_at.toISOString(), influence: s.influence, relay: s.relay, influenceRank: s.influence_rank, relayRank: s.relay_rank })),
  }
}
