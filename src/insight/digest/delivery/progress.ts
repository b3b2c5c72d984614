import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import type { RefusedRecipient } from '../../../platform/db/tables/digests.ts'
import { jsonb } from './jsonb.ts'

// Each recipient gets a message of their own; a delivery row records, as each one goes, who has
// it (accepted) and who was refused for good, so an attempt that resumes after a "try later" or
// in a later run sends only to the others — never twice to anyone.

export interface Progress { accepted: string[]; refused: RefusedRecipient[] }

export async function deliveryProgress(db: Kysely<DB>, deliveryId: number): Promise<Progress> {
  const row = await db.selectFrom('digest_deliveries').select(['accepted', 'rejected']).where('id', '=', deliveryId).executeTakeFirstOrThrow()
  return { accepted: row.accepted, refused: row.rejected }
}

export async function recordProgress(db: Kysely<DB>, deliveryId: number, progress: Progress, now: Date): Promise<void> {
  await db.updateTable('digest_deliveries').set({ accepted: progress.accepted, rejected: jsonb(progress.refused), updated_at: now }).where('id', '=', deliveryId).execute()
}

/** The addresses still owed this week's message. */
export function stillOwed(recipients: readonly string[], progress: Progress): string[] {
  const done = new Set([...progress.accepted, ...progress.refused.filter((r) => r.permanent).map((r) => r.address)].map((a) => a.toLowerCase()))
  return recipients.filter((a) => !done.has(a.toLowerCase()))
}
