import type { Generated } from 'kysely'

// Live collection: who reads each streaming source and up to where, and what was not read.

export interface StreamLeasesTable {
  source_id: string
  workspace_id: string
  /** The process reading the source; another takes over only once `expires_at` has passed. */
  holder: string
  expires_at: Date
  /** time_us of the last event stored (unix µs); a first reader stores its start at once; null before any reader. */
  cursor_us: number | null
  instance_url: string | null
  /** Mastodon: per hashtag, the newest status id stored (the tag timelines are paged from there). */
  checkpoint: Record<string, string> | null
  /** Why the source's stream cannot be read now; null once it is read. */
  last_error: string | null
  last_error_at: Date | null
  updated_at: Generated<Date>
}

export interface StreamGapsTable {
  id: Generated<number>
  workspace_id: string
  source_id: string
  from_us: number
  to_us: number
  status: Generated<'needs_backfill' | 'filled'>
  detected_at: Generated<Date>
  /** How far the fill through search went: see src/pipeline/collect/fill-stream-gaps.ts. */
  progress: Generated<Record<string, unknown>>
  /** Posts the fill stored (new or already there). */
  posts: Generated<number>
  filled_at: Date | null
  /** Why the fill cannot go on, for the workspace to read; null when nothing stops it. */
  note: string | null
}
