import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

export interface WorkspaceSettings {
  /** Admin's permission for webhooks to private or loopback addresses. */
  allowPrivateWebhooks?: boolean
  /** Cron expressions overriding a job's default schedule, by job name. */
  schedules?: Record<string, string>
  /** Posts and interactions older than this many days are removed (absent: kept). */
  retentionDays?: number | null
  /** Matched posts younger than this many days have their engagement re-read (default 7). */
  engagementWindowDays?: number
}

export interface WorkspacesTable {
  id: Generated<string>
  name: string
  settings: ColumnType<WorkspaceSettings, WorkspaceSettings | undefined, WorkspaceSettings>
  created_at: Generated<Date>
}
export type Workspace = Selectable<WorkspacesTable>
export type NewWorkspace = Insertable<WorkspacesTable>
