import type { ColumnType, Generated } from 'kysely'

/** A source's network session, sealed; never returned by the API. */
export interface SourceSessionsTable {
  source_id: string
  /** The sealed JSON of the session (tokens and their expiry); null before the first login. */
  sealed: string | null
  /** Times of the recent logins, pruned to the longest window a network limits them over. */
  logins: ColumnType<Date[], Date[] | undefined, Date[]>
  updated_at: Generated<Date>
}

/** One reading of a post's engagement counts: kept so velocity (counts over time) can be told. */
export interface PostEngagementReadingsTable {
  post_id: number
  read_at: Date
  likes: number
  reposts: number
  replies: number
  quotes: number
}

/** Engagement re-reads of a post through one source that found nothing (deleted, private, 404) since that source last read it. */
export interface PostEngagementMissesTable {
  post_id: number
  source_id: string
  misses: number
  missed_at: Date
}

/** The id a source reads a post back by, where it is not the external id (a Mastodon status's local id). */
export interface PostReadIdsTable {
  post_id: number
  source_id: string
  workspace_id: string
  read_id: string
}

/**
 * Per (post, source): the counts a matched post carried when its reposters and its replies were
 * last read through the source, and the reads of each the source could not make since.
 */
export interface PostConversationReadsTable {
  post_id: number
  source_id: string
  reposts_read: number | null
  replies_read: number | null
  replies_misses: Generated<number>
  reposts_misses: Generated<number>
  read_at: Generated<Date>
}
