import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

export interface SourcesTable {
  id: Generated<string>
  workspace_id: string
  name: string
  network: string
  base_url: string | null
  /** Non-secret connection settings (e.g. a Bluesky PDS URL). */
  settings: ColumnType<Record<string, string>, Record<string, string> | undefined, Record<string, string>>
  /** Secrets of the source (tokens, passwords). Never returned by the API, never logged. */
  credentials: ColumnType<Record<string, string>, Record<string, string> | undefined, Record<string, string>>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
export type SourceRow = Selectable<SourcesTable>
export type NewSource = Insertable<SourcesTable>
