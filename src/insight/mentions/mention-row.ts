import { sql } from 'kysely'
import type { Mention } from './schema.ts'
import { postEngagement } from '../analytics/engagement.ts'
import { sentimentLabel } from '../../platform/shared/sentiment-label.ts'

/** The columns a mention is served from (posts `p`, topic_posts `tp`, accounts `a`). */
export interface MentionRow {
  id: number
  network: string
  url: string | null
  text: string
  created_at: Date
  lang: string | null
  likes: number
  reposts: number
  replies: number
  quotes: number
  engagement: number
  sentiment: number | null
  is_question: boolean
  hashtags: string[]
  matched_terms: string[]
  post_created_at: Date
  author_id: number | null
  author_handle: string | null
  author_display_name: string | null
  author_url: string | null
  author_followers: number | null
}

export const MENTION_COLUMNS = sql`
  p.id, p.network, p.url, p.text, p.created_at, p.lang, p.likes, p.reposts, p.replies, p.quotes,
  ${postEngagement}::int as engagement,
  p.sentiment, p.is_question, p.hashtags, tp.matched_terms, tp.post_created_at,
  a.id as author_id, a.handle as author_handle, a.display_name as author_display_name, a.url as author_url, a.followers_count as author_followers`

export const MENTION_FROM = sql`topic_posts tp join posts p on p.id = tp.post_id left join accounts a on a.id = p.author_id`

export function mentionToDto(r: MentionRow): Mention {
  return {
    id: String(r.id),
    network: r.network,
    url: r.url,
    text: r.text,
    createdAt: r.created_at.toISOString(),
    lang: r.lang,
    author: r.author_id === null || r.author_handle === null ? null : {
      id: String(r.author_id), handle: r.author_handle, displayName: r.author_display_name, url: r.author_url, followersCount: r.author_followers,
    },
    engagement: { likes: r.likes, reposts: r.reposts, replies: r.replies, quotes: r.quotes, total: r.engagement },
    // Stored as a 4-byte real: rounded so 0.3 reads 0.3, not 0.30000001.
    sentiment: r.sentiment === null ? null : Math.round(r.sentiment * 1000) / 1000,
    // From the stored value, not the rounded one, so the label is the one the stats count.
    sentimentLabel: sentimentLabel(r.sentiment),
    isQuestion: r.is_question,
    hashtags: r.hashtags,
    matchedTerms: r.matched_terms,
  }
}
