import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.ts'
import type { RefusedRecipient } from '../../../platform/db/tables/digests.ts'
import { jsonb } from './jsonb.ts'

// The life of a digest_deliveries row, one per (subscription, ISO week):
//   claimed ──► sending ──► sent
//      ▲           ├──► retrying ──► claimed (when next_attempt_at comes)   (the server did not take it)
//      │           ├──► failed                                               (refused for good / retries used up)
//      │           └──► unknown                                              (lease ran out while sending)
//   a claim whose lease ran out before sending (the process died while composing) is taken over.
// 'sending' is written before the message goes to SMTP. A process that dies after the server took
// the message but before 'sent' leaves 'sending' behind; it becomes 'unknown' and is never re-sent:
// at most one email per subscription and week.

/** Time to compose a digest before the claim may be taken over. */
export const CLAIM_LEASE_MS = 10 * 60_000
/** Time an SMTP transaction may take; past it a 'sending' row is declared 'unknown'. */
export const SEND_LEASE_MS = 10 * 60_000

export interface Claim { id: number; attempts: number }

/** Claims the delivery of a week, or returns null when it is done, being done, or waiting for a retry. */
export async function claimDelivery(db: Kysely<DB>, o: { subscriptionId: string; isoWeek: string; scheduledFor: Date; messageId: string; instanceId: string; now: Date }): Promise<Claim | null> {
  const leaseUntil = new Date(o.now.getTime() + CLAIM_LEASE_MS)
  const inserted = await sql<Claim>`
    insert into digest_deliveries (subscription_id, iso_week, scheduled_for, status, message_id, claimed_by, lease_until)
    values (${o.subscriptionId}, ${o.isoWeek}, ${o.scheduledFor}, 'claimed', ${o.messageId}, ${o.instanceId}, ${leaseUntil})
    on conflict (subscription_id, iso_week) do nothing
    returning id, attempts`.execute(db)
  if (inserted.rows[0]) return inserted.rows[0]
  const taken = await sql<Claim>`
    update digest_deliveries set status = 'claimed', claimed_by = ${o.instanceId}, lease_until = ${leaseUntil}, updated_at = ${o.now}
    where subscription_id = ${o.subscriptionId} and iso_week = ${o.isoWeek}
      and ((status = 'claimed' and lease_until < ${o.now}) or (status = 'retrying' and next_attempt_at <= ${o.now}))
    returning id, attempts`.execute(db)
  return taken.rows[0] ?? null
}

/** Moves a claim to 'sending' just before SMTP; null when the claim was lost (its lease ran out and someone took it). */
export async function markSending(db: Kysely<DB>, claim: Claim, instanceId: string, now: Date): Promise<number | null> {
  const row = await sql<{ attempts: number }>`
    update digest_deliveries set status = 'sending', attempts = attempts + 1, lease_until = ${new Date(now.getTime() + SEND_LEASE_MS)}, updated_at = ${now}
    where id = ${claim.id} and status = 'claimed' and claimed_by = ${instanceId}
    returning attempts`.execute(db)
  return row.rows[0]?.attempts ?? null
}

/** Back to 'claimed' between two attempts in the same run: the server did not take the message. */
export async function releaseToClaimed(db: Kysely<DB>, id: number, error: string, now: Date): Promise<void> {
  await db.updateTable('digest_deliveries').set({ status: 'claimed', error, lease_until: new Date(now.getTime() + CLAIM_LEASE_MS), updated_at: now }).where('id', '=', id).where('status', '=', 'sending').execute()
}

export async function markSent(db: Kysely<DB>, id: number, o: { accepted: string[]; rejected: RefusedRecipient[]; response: string; now: Date }): Promise<void> {
  await db
    .updateTable('digest_deliveries')
    .set({ status: 'sent', sent_at: o.now, accepted: o.accepted, rejected: jsonb(o.rejected), smtp_response: o.response.slice(0, 500), error: null, lease_until: null, updated_at: o.now })
    .where('id', '=', id)
    .execute()
}

export async function markFinished(db: Kysely<DB>, id: number, status: 'failed' | 'unknown', error: string, now: Date, rejected: RefusedRecipient[] = []): Promise<void> {
  await db.updateTable('digest_deliveries').set({ status, error: error.slice(0, 500), rejected: jsonb(rejected), lease_until: null, updated_at: now }).where('id', '=', id).execute()
}

export async function markRetrying(db: Kysely<DB>, id: number, error: string, nextAttemptAt: Date, now: Date): Promise<void> {
  await db.updateTable('digest_deliveries').set({ status: 'retrying', error: error.slice(0, 500), next_attempt_at: nextAttemptAt, lease_until: null, updated_at: now }).where('id', '=', id).execute()
}

/**
 * Settles deliveries nobody will finish: a 'sending' row past its lease (its process died with the
 * message maybe taken) becomes 'unknown'; a claim or retry of a week whose successor is already due
 * becomes 'failed' (an old digest is not sent after the new one).
 */
export async function settleAbandoned(db: Kysely<DB>, workspaceId: string, now: Date): Promise<number> {
  const unknown = await sql`
    update digest_deliveries d set status = 'unknown', lease_until = null, updated_at = ${now},
      error = 'The sending process stopped while the mail server had the message; not sent again so it never arrives twice.'
    from digest_subscriptions s
    where s.id = d.subscription_id and s.workspace_id = ${workspaceId} and d.status = 'sending' and d.lease_until < ${now}`.execute(db)
  return Number(unknown.numAffectedRows ?? 0)
}

export async function supersede(db: Kysely<DB>, subscriptionId: string, currentWeek: string, now: Date): Promise<void> {
  await sql`
    update digest_deliveries set status = 'failed', lease_until = null, updated_at = ${now},
      error = coalesce(error || ' — ', '') || 'Not sent before the next week''s digest was due.'
    where subscription_id = ${subscriptionId} and iso_week <> ${currentWeek}
      and ((status = 'claimed' and lease_until < ${now}) or status = 'retrying')`.execute(db)
}
