import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

// Collected public content, owned by the workspace whose sources or imports observed it (see
// docs/architecture.md, "Provenance"): accounts, posts, and the graph between them.

export interface AccountsTable {
  id: Generated<number>
  workspace_id: string
  network: string
  external_id: string
  handle: string
  display_name: string | null
  bio: string | null
  url: string | null
  followers_count: number | null
  following_count: number | null
  posts_count: number | null
  first_seen_at: Generated<Date>
  last_seen_at: Generated<Date>
  graph_collected_at: Date | null
  /** Links the network verified as the owner's own (Mastodon rel=me fields); null when unknown. */
  verified_links: string[] | null
}
export type AccountRow = Selectable<AccountsTable>
export type NewAccount = Insertable<AccountsTable>

export interface PostsTable {
  id: Generated<number>
  workspace_id: string
  network: string
  external_id: string
  author_id: number | null
  created_at: Date
  text: string
  lang: string | null
  url: string | null
  reply_to_external_id: string | null
  repost_of_external_id: string | null
  quote_of_external_id: string | null
  likes: number
  reposts: number
  replies: number
  quotes: number
  hashtags: string[]
  mentions: string[]
  links: string[]
  sentiment: number | null
  is_question: boolean
  search_config: string
  search_vector: ColumnType<string, never, never>
  collected_at: Generated<Date>
  updated_at: Generated<Date>
}
export type PostRow = Selectable<PostsTable>
export type NewPost = Insertable<PostsTable>

export interface TopicPostsTable {
  topic_id: string
  post_id: number
  /** The post's creation time, copied so a topic's feed pages by an index of its own. */
  post_created_at: Date
  matched_at: Generated<Date>
  matched_terms: string[]
  handled_at: Date | null
  /** 'query': matches the topic's query; 'own-account': mentions or answers one of its own accounts (matched_terms holds '@account'). */
  via: Generated<'query' | 'own-account'>
}

export interface FollowsTable {
  network: string
  follower_id: number
  followee_id: number
  first_seen_at: Generated<Date>
  last_seen_at: Generated<Date>
  /** Bluesky: the follow record's key, when a live stream created the edge (its delete names only the key). */
  rkey: Generated<string | null>
}

export const INTERACTION_KINDS = ['reply', 'repost', 'quote', 'mention'] as const
export type InteractionKind = (typeof INTERACTION_KINDS)[number]

export interface InteractionsTable {
  id: Generated<number>
  network: string
  kind: InteractionKind
  source_id: number
  target_id: number
  post_id: number
  occurred_at: Date
  weight: number
}
