import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { fullTextMatch } from './full-text.ts'

export interface FeedFilters {
  network?: string
  since?: string
  until?: string
  language?: string
  sentimentMin?: number
  sentimentMax?: number
  author?: string
  hashtag?: string
  hasQuestion?: boolean
  q?: string
}

/** The WHERE conditions of a topic's mention feed (aliases `tp`, `p`), one per filter given. */
export function feedConditions(topicId: string, f: FeedFilters): RawBuilder<SqlBool>[] {
  const c: RawBuilder<SqlBool>[] = [sql`tp.topic_id = ${topicId}`]
  if (f.network !== undefined) c.push(sql`p.network = ${f.network}`)
  if (f.since !== undefined) c.push(sql`tp.post_created_at >= ${new Date(f.since)}`)
  if (f.until !== undefined) c.push(sql`tp.post_created_at < ${new Date(f.until)}`)
  if (f.language !== undefined) c.push(sql`p.lang = ${f.language}`)
  // As float8: a bound like 1e-300 does not fit the column's real type and would be refused.
  if (f.sentimentMin !== undefined) c.push(sql`p.sentiment >= ${f.sentimentMin}::float8`)
  if (f.sentimentMax !== undefined) c.push(sql`p.sentiment <= ${f.sentimentMax}::float8`)
  if (f.author !== undefined) c.push(authorCondition(f.author, f.network))
  if (f.hashtag !== undefined) c.push(sql`p.hashtags @> array[${normalizeTag(f.hashtag)}]::text[]`)
  if (f.hasQuestion !== undefined) c.push(sql`p.is_question = ${f.hasQuestion}`)
  if (f.q !== undefined) c.push(fullTextMatch(f.q))
  return c
}

/** Digits are an account id; anything else (or `@digits`) a handle, compared case-insensitively. */
function authorCondition(author: string, network?: string): RawBuilder<SqlBool> {
  if (/^\d{1,18}$/.test(author)) return sql`p.author_id = ${Number(author)}`
  const handle = author.replace(/^@/, '').toLowerCase()
  return sql`p.author_id in (select h.id from accounts h where lower(h.handle) = ${handle}
    ${network === undefined ? sql`` : sql`and h.network = ${network}`})`
}

const normalizeTag = (tag: string) => tag.replace(/^[#＃]/, '').normalize('NFC').toLowerCase()
