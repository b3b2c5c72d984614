import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../db/schema.ts'
import type { EnrichedPost } from './enriched-post.ts'
import { jsonRows } from './json-rows.ts'
import { accountKey, type AccountIds } from './upsert-accounts.ts'

type Db = Kysely<DB> | Transaction<DB>

/** `network␟externalId` → posts.id */
export type PostIds = Map<string, number>

const COLUMNS =
  'network text, external_id text, author_id bigint, created_at timestamptz, text text, lang text, url text, ' +
  'reply_to_external_id text, repost_of_external_id text, quote_of_external_id text, likes int, reposts int, replies int, quotes int, ' +
  'hashtags text[], mentions text[], links text[], sentiment real, is_question boolean, search_config text'

/**
 * Inserts new posts and refreshes the engagement counts of posts seen before, in one statement.
 * A re-seen post is updated in place, never duplicated: (network, external_id) is unique.
 */
export async function upsertPosts(db: Db, posts: readonly EnrichedPost[], authors: AccountIds): Promise<PostIds> {
  const unique = new Map<string, EnrichedPost>()
  for (const p of posts) unique.set(accountKey(p.network, p.externalId), p)
  const ids: PostIds = new Map()
  if (unique.size === 0) return ids
  const rows = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => ({
    network: p.network,
    external_id: p.externalId,
    author_id: p.authorExternalId === null ? null : (authors.get(accountKey(p.network, p.authorExternalId)) ?? null),
    created_at: p.createdAt.toISOString(),
    text: p.text,
    lang: p.lang,
    url: p.url,
    reply_to_external_id: p.replyToExternalId,
    repost_of_external_id: p.repostOfExternalId,
    quote_of_external_id: p.quoteOfExternalId,
    likes: p.likes,
    reposts: p.reposts,
    replies: p.replies,
    quotes: p.quotes,
    hashtags: p.hashtags,
    mentions: p.mentions.map((m) => m.handle.toLowerCase()),
    links: p.links,
    sentiment: p.sentiment,
    is_question: p.isQuestion,
    search_config: p.searchConfig,
  }))
  const result = await sql<{ id: number; network: string; external_id: string }>`
    insert into posts as p (network, external_id, author_id, created_at, text, lang, url, reply_to_external_id,
      repost_of_external_id, quote_of_external_id, likes, reposts, replies, quotes, hashtags, mentions, links,
      sentiment, is_question, search_config)
    select network, external_id, author_id, created_at, text, lang, url, reply_to_external_id,
      repost_of_external_id, quote_of_external_id, likes, reposts, replies, quotes, hashtags, mentions, links,
      sentiment, is_question, search_config::regconfig
    from ${jsonRows(rows, COLUMNS)}
    on conflict (network, external_id) do update set
      likes = excluded.likes, reposts = excluded.reposts, replies = excluded.replies, quotes = excluded.quotes,
      author_id = coalesce(p.author_id, excluded.author_id),
      updated_at = now()
    returning id, network, external_id`.execute(db)
  for (const r of result.rows) ids.set(accountKey(r.network, r.external_id), r.id)
  return ids
}
