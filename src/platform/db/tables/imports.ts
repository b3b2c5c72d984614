import type { Generated } from 'kysely'

// Which shared records a workspace imported from NDJSON (see migration 0004).

export interface ImportedAccountsTable {
  workspace_id: string
  account_id: number
  imported_at: Generated<Date>
}

export interface ImportedPostsTable {
  workspace_id: string
  post_id: number
  /** false when the file gave no language (the stored one was detected). */
  lang_given: boolean
  imported_at: Generated<Date>
}

export interface ImportedFollowsTable {
  workspace_id: string
  follower_id: number
  followee_id: number
  imported_at: Generated<Date>
}
