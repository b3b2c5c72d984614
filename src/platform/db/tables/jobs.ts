import type { ColumnType, Generated, Selectable } from 'kysely'

export interface CollectionCheckpointsTable {
  topic_id: string
  source_key: string
  kind: string
  cursor: ColumnType<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>>
  updated_at: Generated<Date>
}

export type JobRunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'
export type JobTrigger = 'schedule' | 'manual' | 'api'

export interface JobRunsTable {
  id: Generated<number>
  job: string
  scope: Generated<string>
  workspace_id: string | null
  trigger: Generated<JobTrigger>
  /** The scope a queued run was asked for (topicId). */
  params: ColumnType<Record<string, string>, Record<string, string> | undefined, Record<string, string>>
  scheduled_for: Date | null
  started_at: Generated<Date>
  /** Refreshed while the run is alive; a stale one means its process died. */
  heartbeat_at: Generated<Date>
  /** The process running it (`host:pid`); null while queued. */
  runner: ColumnType<string | null, string | null | undefined, string | null>
  finished_at: Date | null
  status: Generated<JobRunStatus>
  stats: ColumnType<Record<string, unknown>, Record<string, unknown> | undefined, Record<string, unknown>>
  error: string | null
}
export type JobRunRow = Selectable<JobRunsTable>

export interface JobClaimsTable {
  job: string
  scope: string
  fire_at: Date
  claimed_by: string
  claimed_at: Generated<Date>
}
