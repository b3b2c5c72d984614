import { sql, type RawBuilder } from 'kysely'
import type { EnrichedPost } from './enriched-post.ts'
import { jsonTuples } from '../../platform/db/json-rows.ts'
import { accountKey, type AccountIds } from './upsert-accounts.ts'
import type { PostIds, ReferencedPost } from './upsert-posts.ts'

/**
 * One candidate edge, in CANDIDATE_COLUMNS order. The target is known directly (a resolved
 * mention, a replied-to author the network named), or else through the post it points at, or
 * else by the mentioned handle. The post is named by its key until its id is known.
 */
export type InteractionCandidate = [network: string, kind: string, sourceId: number, post: string | number, occurredAt: string, targetId: number | null, refExternalId: string | null, handle: string | null]
const CANDIDATE_COLUMNS = 'network text, kind text, source_id bigint, post_id bigint, occurred_at timestamptz, target_id bigint, ref_external_id text, handle text'

/**
 * Typed, timestamped edges "author → account they answered, reposted, quoted or mentioned", before
 * the posts' ids are known (posts without a stored author draw none). A target not known from the
 * batch is found in the database by `interactionsInsert` (the referenced post's author, or the
 * account by handle); edges whose target is unknown yet are drawn by `childEdgesInsertFor` when the
 * referenced post arrives. Self-interactions are not edges.
 */
export function interactionCandidates(posts: readonly EnrichedPost[], accounts: AccountIds): InteractionCandidate[] {
  const rows: InteractionCandidate[] = []
  for (const p of posts) {
    const network = p.network
    const source = p.authorExternalId === null ? undefined : accounts.get(accountKey(network, p.authorExternalId))
    if (source === undefined) continue
    const post = accountKey(network, p.externalId)
    const at = p.createdAt.toISOString()
    if (p.replyToExternalId !== null) {
      const target = p.replyToAuthorExternalId === null ? null : (accounts.get(accountKey(network, p.replyToAuthorExternalId)) ?? null)
      rows.push([network, 'reply', source, post, at, target, p.replyToExternalId, null])
    }
    if (p.repostOfExternalId !== null) rows.push([network, 'repost', source, post, at, null, p.repostOfExternalId, null])
    if (p.quoteOfExternalId !== null) rows.push([network, 'quote', source, post, at, null, p.quoteOfExternalId, null])
    for (const m of p.mentions) {
      const target = m.externalId === null ? null : (accounts.get(accountKey(network, m.externalId)) ?? null)
      rows.push([network, 'mention', source, post, at, target, null, m.handle.toLowerCase()])
    }
  }
  return rows
}

/**
 * The insert of the candidates of posts that have an id (in place: each post key becomes its id),
 * or null when there is none; also usable as a data-modifying `with` item.
 */
export function interactionsInsert(candidates: InteractionCandidate[], postIds: PostIds): RawBuilder<unknown> | null {
  let kept = 0
  for (const row of candidates) {
    const id = typeof row[3] === 'number' ? row[3] : postIds.get(row[3])
    if (id === undefined) continue
    row[3] = id
    candidates[kept++] = row
  }
  candidates.length = kept
  if (kept === 0) return null
  return sql`
    insert into interactions (network, kind, source_id, target_id, post_id, occurred_at)
    select r.network, r.kind, r.source_id, coalesce(r.target_id, ref.author_id, h.id), r.post_id, r.occurred_at
    from ${jsonTuples(candidates, CANDIDATE_COLUMNS)}
    left join posts ref on r.target_id is null and ref.network = r.network and ref.external_id = r.ref_external_id
    left join lateral (
      select a.id from accounts a where r.target_id is null and r.handle is not null and a.network = r.network and lower(a.handle) = r.handle limit 1
    ) h on true
    where coalesce(r.target_id, ref.author_id, h.id) is not null and coalesce(r.target_id, ref.author_id, h.id) <> r.source_id
    on conflict (post_id, kind, target_id) do nothing`
}

/**
 * Edges from posts stored earlier that referenced the posts just stored (replies that came first),
 * for parents whose author is known (as the posts statement reports them), as a statement: nothing to read
 * back; null when there is nothing to look for.
 */
export function childEdgesInsertFor(parents: readonly ReferencedPost[]): RawBuilder<unknown> | null {
  if (parents.length === 0) return null
  const tuples = parents.map((p) => [p.network, p.externalId, p.authorId])
  return sql`
    insert into interactions (network, kind, source_id, target_id, post_id, occurred_at)
    select child.network, child.kind, child.author_id, r.author_id, child.id, child.created_at
    from ${jsonTuples(tuples, 'network text, external_id text, author_id bigint')}
    cross join lateral (
      select 'reply' as kind, c.id, c.network, c.author_id, c.created_at from posts c where c.network = r.network and c.reply_to_external_id = r.external_id
      union all
      select 'repost', c.id, c.network, c.author_id, c.created_at from posts c where c.network = r.network and c.repost_of_external_id = r.external_id
      union all
      select 'quote', c.id, c.network, c.author_id, c.created_at from posts c where c.network = r.network and c.quote_of_external_id = r.external_id
    ) child
    where child.author_id is not null and child.author_id <> r.author_id
    on conflict (post_id, kind, target_id) do nothing`
}
