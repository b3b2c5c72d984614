import type { Kysely } from 'kysely'
import type { DB } from '../src/platform/db/schema.ts'

/** Workspaces that set their own schedule for some jobs (workspaces.settings.schedules). */
export async function scheduleOverrides(db: Kysely<DB>): Promise<{ workspaceId: string; schedules: Record<string, string> }[]> {
  const rows = await db.selectFrom('workspaces').select(['id', 'settings']).execute()
  return rows
    .filter((r) => r.settings.schedules && Object.keys(r.settings.schedules).length > 0)
    .map((r) => ({ workspaceId: r.id, schedules: r.settings.schedules ?? {} }))
}
