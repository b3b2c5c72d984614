import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../db/schema.ts'
import type { InteractionKind } from '../db/tables/content.ts'
import type { EnrichedPost } from './enriched-post.ts'
import { jsonRows } from './json-rows.ts'
import { accountKey, type AccountIds } from './upsert-accounts.ts'
import type { PostIds } from './upsert-posts.ts'

type Db = Kysely<DB> | Transaction<DB>

interface Candidate {
  network: string
  kind: InteractionKind
  source_id: number
  post_id: number
  occurred_at: string
  /** The target when known directly (a resolved mention, a replied-to author the network named). */
  target_id: number | null
  /** Otherwise: the post whose author is the target… */
  ref_external_id: string | null
  /** …or the handle of the mentioned account. */
  handle: string | null
}

/**
 * Typed, timestamped edges "author → account they answered, reposted, quoted or mentioned". A
 * target not known from the batch is found in the database (the referenced post's author, or the
 * account by handle); edges whose target is unknown yet are filled in by `backfillInteractions`
 * when the referenced post arrives. Self-interactions are not edges.
 */
export async function writeInteractions(db: Db, posts: readonly EnrichedPost[], accounts: AccountIds, postIds: PostIds): Promise<void> {
  const rows: Candidate[] = []
  for (const p of posts) {
    const source = p.authorExternalId === null ? undefined : accounts.get(accountKey(p.network, p.authorExternalId))
    const postId = postIds.get(accountKey(p.network, p.externalId))
    if (source === undefined || postId === undefined) continue
    const base = { network: p.network, source_id: source, post_id: postId, occurred_at: p.createdAt.toISOString() }
    const idOf = (externalId: string | null) => (externalId === null ? null : (accounts.get(accountKey(p.network, externalId)) ?? null))
    if (p.replyToExternalId !== null)
      rows.push({ ...base, kind: 'reply', target_id: idOf(p.replyToAuthorExternalId), ref_external_id: p.replyToExternalId, handle: null })
    if (p.repostOfExternalId !== null) rows.push({ ...base, kind: 'repost', target_id: null, ref_external_id: p.repostOfExternalId, handle: null })
    if (p.quoteOfExternalId !== null) rows.push({ ...base, kind: 'quote', target_id: null, ref_external_id: p.quoteOfExternalId, handle: null })
    for (const m of p.mentions) rows.push({ ...base, kind: 'mention', target_id: idOf(m.externalId), ref_external_id: null, handle: m.handle.toLowerCase() })
  }
  if (rows.length === 0) return
  await sql`
    insert into interactions (network, kind, source_id, target_id, post_id, occurred_at)
    select r.network, r.kind, r.source_id, coalesce(r.target_id, ref.author_id, h.id), r.post_id, r.occurred_at
    from ${jsonRows(rows, 'network text, kind text, source_id bigint, post_id bigint, occurred_at timestamptz, target_id bigint, ref_external_id text, handle text')}
    left join posts ref on r.target_id is null and ref.network = r.network and ref.external_id = r.ref_external_id
    left join lateral (
      select a.id from accounts a where r.target_id is null and r.handle is not null and a.network = r.network and lower(a.handle) = r.handle limit 1
    ) h on true
    where coalesce(r.target_id, ref.author_id, h.id) is not null and coalesce(r.target_id, ref.author_id, h.id) <> r.source_id
    on conflict (post_id, kind, target_id) do nothing`.execute(db)
}

/** Edges from posts stored earlier that referenced the posts just stored (replies that came first). */
export async function backfillInteractions(db: Db, postIds: PostIds): Promise<void> {
  const ids = [...postIds.values()]
  if (ids.length === 0) return
  for (const [kind, column] of [['reply', 'reply_to_external_id'], ['repost', 'repost_of_external_id'], ['quote', 'quote_of_external_id']] as const) {
    await sql`
      insert into interactions (network, kind, source_id, target_id, post_id, occurred_at)
      select child.network, ${kind}, child.author_id, parent.author_id, child.id, child.created_at
      from posts parent
      join posts child on child.network = parent.network and child.${sql.ref(column)} = parent.external_id
      where parent.id in (select value::bigint from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
        and parent.author_id is not null and child.author_id is not null and child.author_id <> parent.author_id
      on conflict (post_id, kind, target_id) do nothing`.execute(db)
  }
}
