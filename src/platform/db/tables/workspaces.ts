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

/** The operator's overrides of the default quotas (src/tenancy/workspaces/quotas.ts), by kind. */
export type WorkspaceQuotas = Partial<Record<'topics' | 'sources' | 'webhooks' | 'digests' | 'digestRecipients', number>>

export interface WorkspacesTable {
  id: Generated<string>
  name: string
  settings: ColumnType<WorkspaceSettings, WorkspaceSettings | undefined, WorkspaceSettings>
  quotas: ColumnType<WorkspaceQuotas, WorkspaceQuotas | undefined, WorkspaceQuotas>
  created_at: Generated<Date>
}
export type Workspace = Selectable<WorkspacesTable>
export type NewWorkspace = Insertable<WorkspacesTable>
