// Where a Mastodon source's stream was read up to: per hashtag, the newest status stored. Written
// only under a live lease, in the transaction of the batch it follows (like the Jetstream cursor),
// so after a crash the tag timelines are paged again from no later than what was stored.
import { sql, type Transaction } from 'kysely'
import type { Db } from '../../../platform/db/db-handle.ts'
import type { DB } from '../../../platform/db/schema.ts'
import { LeaseLostError, type Lease } from '../stream-lease.ts'

/** Tag → newest status id stored. */
export type TagCheckpoint = Record<string, string>

/**
 * The later of two status ids. Mastodon's ids are numbers that grow with time; other servers'
 * ids are opaque, and then the one seen last is kept (at worst a page is read again).
 */
export function laterId(stored: string | undefined, seen: string): string {
  if (stored === undefined) return seen
  if (/^\d{1,30}$/.test(stored) && /^\d{1,30}$/.test(seen)) return BigInt(seen) > BigInt(stored) ? seen : stored
  return seen
}

/** The checkpoint once `statuses` of `tag` are stored. */
export function advancedCheckpoint(checkpoint: TagCheckpoint, tag: string, statusIds: readonly string[]): TagCheckpoint {
  if (statusIds.length === 0) return checkpoint
  let newest = checkpoint[tag]
  for (const id of statusIds) newest = laterId(newest, id)
  return { ...checkpoint, [tag]: newest! }
}

export async function readTagCheckpoint(db: Db, sourceId: string): Promise<TagCheckpoint> {
  const row = await db.selectFrom('stream_leases').select('checkpoint').where('source_id', '=', sourceId).executeTakeFirst()
  const stored = row?.checkpoint
  if (stored === null || stored === undefined || typeof stored !== 'object') return {}
  return Object.fromEntries(Object.entries(stored).filter(([, id]) => typeof id === 'string'))
}

/** Stores the checkpoint (and the newest status time as the cursor, for the lag) in the caller's transaction; throws without the lease. */
export async function storeTagCheckpoint(trx: Transaction<DB>, lease: Lease, checkpoint: TagCheckpoint, newestUs: number, instanceUrl: string): Promise<void> {
  const result = await trx.updateTable('stream_leases')
    .set({
      checkpoint: sql<Record<string, string>>`${JSON.stringify(checkpoint)}::jsonb`,
      cursor_us: sql<number>`greatest(coalesce(cursor_us, 0), ${Math.floor(newestUs)}::bigint)`,
      instance_url: instanceUrl, last_error: null, last_error_at: null, updated_at: sql<Date>`now()`,
    })
    .where('source_id', '=', lease.sourceId).where('holder', '=', lease.holder).where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw new LeaseLostError(lease.sourceId)
}
