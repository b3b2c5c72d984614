import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { PersonRef } from './find-person.ts'
import { forgetInWorkspace } from './forget-in-workspace.ts'
import { subjectAccess, type SubjectAccessReport } from './subject-access.ts'

/** What a workspace's API may do with personal data: its retention, a person's data in its view. */
export function createPersonalDataService({ db }: { db: Kysely<DB> }) {
  return {
    async retention(workspaceId: string): Promise<{ retentionDays: number | null }> {
      const row = await db.selectFrom('workspaces').select('settings').where('id', '=', workspaceId).executeTakeFirst()
      return { retentionDays: row?.settings.retentionDays ?? null }
    },
    async setRetention(workspaceId: string, days: number | null): Promise<{ retentionDays: number | null }> {
      // A JSON merge in one statement: the other settings are left as they are.
      await sql`update workspaces set settings = settings || jsonb_build_object('retentionDays', ${days}::int) where id = ${workspaceId}`.execute(db)
      return { retentionDays: days }
    },
    subjectAccess: (workspaceId: string, person: PersonRef): Promise<SubjectAccessReport> => subjectAccess(db, person, workspaceId),
    forget: (workspaceId: string, person: PersonRef): Promise<void> => db.transaction().execute((trx) => forgetInWorkspace(trx, workspaceId, person)),
  }
}

export type PersonalDataService = ReturnType<typeof createPersonalDataService>
