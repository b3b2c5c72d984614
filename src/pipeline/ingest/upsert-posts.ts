import { sql } from 'kysely'
import type { EnrichedPost } from './enriched-post.ts'
import { jsonTuples } from '../../platform/db/json-rows.ts'
import type { PreparedWrite } from './prepared-write.ts'
import { accountKey } from './upsert-accounts.ts'

/** `network␟externalId` → posts.id */
export type PostIds = Map<string, number>

/** A post others may point at, as stored: what `childEdgesInsertFor` needs to find its children. */
export interface ReferencedPost {
  network: string
  externalId: string
  authorId: number
}

export interface StoredPosts {
  ids: PostIds
  /**
   * Posts new to the database, or whose author was unknown until now: the only ones stored posts
   * can point at without an interaction yet (a post seen before already had its edges drawn).
   */
  newlyReferenceable: ReferencedPost[]
}

const COLUMNS =
  'network text, external_id text, author_external_id text, created_at timestamptz, text text, lang text, url text, ' +
  'reply_to_external_id text, repost_of_external_id text, quote_of_external_id text, likes int, reposts int, replies int, quotes int, ' +
  'hashtags text[], mentions text[], links text[], sentiment real, is_question boolean, search_config text'

/**
 * Inserts new posts and refreshes the engagement counts of posts seen before, in one statement,
 * telling which posts are newly referenceable. A re-seen post is updated in place, never
 * duplicated: (network, external_id) is unique. Authors are found by their network id: their
 * accounts are stored first, in the same transaction. Built without the database.
 */
export function preparePostsStore(posts: readonly EnrichedPost[]): PreparedWrite<StoredPosts> {
  const unique = new Map<string, EnrichedPost>()
  for (const p of posts) unique.set(accountKey(p.network, p.externalId), p)
  if (unique.size === 0) return { run: async () => ({ ids: new Map(), newlyReferenceable: [] }) }
  // Sorted by key: concurrent batches lock shared rows in the same order.
  const tuples = [...unique.keys()].sort().map((key) => {
    const p = unique.get(key)!
    const mentions: string[] = []
    for (const m of p.mentions) mentions.push(m.handle.toLowerCase())
    return [
      p.network, p.externalId, p.authorExternalId, p.createdAt.toISOString(), p.text, p.lang, p.url, p.replyToExternalId, p.repostOfExternalId,
      p.quoteOfExternalId, p.likes, p.reposts, p.replies, p.quotes, p.hashtags, mentions, p.links, p.sentiment, p.isQuestion, p.searchConfig,
    ]
  })
  // The author is looked up by a lateral `limit 1` so the planner keeps to the unique index: it has
  // no estimate for the JSON record set. `before`: the row as it was before this statement (the
  // statement does not see its own writes), looked up only for a post seen before: one collected
  // in this transaction is new (at worst a post stored earlier in the same transaction is looked at
  // again for children).
  const statement = sql<{ id: number; network: string; external_id: string; author_id: number | null; author_before: number | null }>`
    insert into posts as p (network, external_id, author_id, created_at, text, lang, url, reply_to_external_id,
      repost_of_external_id, quote_of_external_id, likes, reposts, replies, quotes, hashtags, mentions, links,
      sentiment, is_question, search_config)
    select r.network, r.external_id, author.id, r.created_at, r.text, r.lang, r.url, r.reply_to_external_id,
      r.repost_of_external_id, r.quote_of_external_id, r.likes, r.reposts, r.replies, r.quotes, r.hashtags, r.mentions, r.links,
      r.sentiment, r.is_question, r.search_config::regconfig
    from ${jsonTuples(tuples, COLUMNS)}
    left join lateral (
      select a.id from accounts a where a.network = r.network and a.external_id = r.author_external_id limit 1
    ) author on true
    on conflict (network, external_id) do update set
      likes = excluded.likes, reposts = excluded.reposts, replies = excluded.replies, quotes = excluded.quotes,
      author_id = coalesce(p.author_id, excluded.author_id),
      updated_at = now()
    returning id, network, external_id, author_id,
      case when p.collected_at = now() then null else (select before.author_id from posts before where before.id = p.id) end as author_before`
  return {
    async run(db) {
      const stored: StoredPosts = { ids: new Map(), newlyReferenceable: [] }
      for (const r of (await statement.execute(db)).rows) {
        stored.ids.set(accountKey(r.network, r.external_id), r.id)
        if (r.author_id !== null && r.author_before === null) stored.newlyReferenceable.push({ network: r.network, externalId: r.external_id, authorId: r.author_id })
      }
      return stored
    },
  }
}
