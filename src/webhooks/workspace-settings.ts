import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { DB } from '../db/schema.ts'

/** Whether the workspace's admin lets webhooks reach private and loopback addresses. */
export async function allowsPrivateWebhooks(db: Kysely<DB>, workspaceId: string): Promise<boolean> {
  const row = await db.selectFrom('workspaces').select('settings').where('id', '=', workspaceId).executeTakeFirst()
  return row?.settings.allowPrivateWebhooks === true
}

/** Sets the flag without touching the other settings (a JSON merge in one statement, no lost update). */
export async function setAllowPrivateWebhooks(db: Kysely<DB>, workspaceId: string, allow: boolean): Promise<void> {
  await sql`update workspaces set settings = settings || jsonb_build_object('allowPrivateWebhooks', ${allow}::boolean) where id = ${workspaceId}`.execute(db)
}
