import { sql, type Transaction } from 'kysely'
import type { Db } from '../../platform/db/db-handle.ts'
import type { DB } from '../../platform/db/schema.ts'

// One reader per streaming source across every process: a lease row, taken when free or expired,
// renewed while reading. The cursor is written only under a live lease, in the batch's own
// transaction, so a process that lost its lease can store nothing more.

export class LeaseLostError extends Error {
  constructor(sourceId: string) {
    super(`The stream of source ${sourceId} is read by another process now.`)
  }
}

export interface Lease {
  sourceId: string
  workspaceId: string
  holder: string
  /** Where the stream was read up to (unix µs), null when never. */
  cursorUs: number | null
}

/** The process holding a source's lease now, if any. */
export async function leaseHolder(db: Db, sourceId: string): Promise<string | null> {
  const row = await db.selectFrom('stream_leases').select('holder').where('source_id', '=', sourceId).where('expires_at', '>', sql<Date>`now()`).executeTakeFirst()
  return row?.holder ?? null
}

/**
 * Takes the source's lease when nobody holds it, the holder let it expire, or the holder is
 * `takeOverFrom` (a process known to be dead); null otherwise.
 */
export async function acquireLease(db: Db, source: { id: string; workspaceId: string }, holder: string, ttlMs: number, takeOverFrom: string | null = null): Promise<Lease | null> {
  const row = await db.insertInto('stream_leases')
    .values({ source_id: source.id, workspace_id: source.workspaceId, holder, expires_at: sql<Date>`now() + ${ttlMs} * interval '1 millisecond'` })
    .onConflict((oc) => oc.column('source_id').doUpdateSet({ holder, expires_at: sql<Date>`now() + ${ttlMs} * interval '1 millisecond'`, updated_at: sql<Date>`now()` })
      .where((eb) => eb.or([eb('stream_leases.expires_at', '<', sql<Date>`now()`), eb('stream_leases.holder', 'in', takeOverFrom === null ? [holder] : [holder, takeOverFrom])])))
    .returning(['cursor_us'])
    .executeTakeFirst()
  return row === undefined ? null : { sourceId: source.id, workspaceId: source.workspaceId, holder, cursorUs: row.cursor_us }
}

/** Extends the lease; false when it was lost (expired and taken by another process). */
export async function renewLease(db: Db, lease: Lease, ttlMs: number): Promise<boolean> {
  const result = await db.updateTable('stream_leases')
    .set({ expires_at: sql<Date>`now() + ${ttlMs} * interval '1 millisecond'` })
    .where('source_id', '=', lease.sourceId).where('holder', '=', lease.holder)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Moves the cursor forward (a replayed batch never moves it back) and clears the stream's last error, in the caller's transaction; throws (rolling the batch back) without the lease. */
export async function advanceCursor(trx: Transaction<DB>, lease: Lease, cursorUs: number, instanceUrl: string): Promise<void> {
  const result = await trx.updateTable('stream_leases')
    .set({ cursor_us: sql<number>`greatest(coalesce(cursor_us, 0), ${cursorUs}::bigint)`, instance_url: instanceUrl, last_error: null, last_error_at: null, updated_at: sql<Date>`now()` })
    .where('source_id', '=', lease.sourceId).where('holder', '=', lease.holder).where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw new LeaseLostError(lease.sourceId)
}

/** Lets another process take the source at once (a clean stop). */
export async function releaseLease(db: Db, lease: Lease): Promise<void> {
  await db.updateTable('stream_leases').set({ expires_at: sql<Date>`now() - interval '1 second'` })
    .where('source_id', '=', lease.sourceId).where('holder', '=', lease.holder).execute()
}

/** Says on the source's lease row why its stream cannot be read now (a message for a person, no secret in it); null clears it. */
export async function recordStreamError(db: Db, lease: Lease, message: string | null): Promise<void> {
  await db.updateTable('stream_leases')
    .set({ last_error: message === null ? null : message.slice(0, 1000), last_error_at: message === null ? null : sql<Date>`now()` })
    .where('source_id', '=', lease.sourceId).where('holder', '=', lease.holder)
    .execute()
}
