import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { nextWebhookAttempt } from './backoff.ts'
import { postDelivery } from './post-delivery.ts'
import { PUBLIC_ONLY, type AddressPolicy } from '../../pipeline/networks/http/address-policy.ts'
import { NO_SECRETS, type SecretBox } from '../../platform/secrets/secret-box.ts'
import { WEBHOOK_SECRET_PURPOSE } from '../../platform/secrets/stored-secrets.ts'

export interface WebhookDispatchDeps {
  db: Kysely<DB>
  now?: () => Date
  /** Which addresses receivers may have (the operator's ALLOW_PRIVATE_ADDRESSES); default public only. */
  addressPolicy?: AddressPolicy
  /** Opens the webhooks' sealed secrets. */
  secrets?: SecretBox
  /** Total time one delivery attempt may take, answer included. */
  timeoutMs?: number
  log?: { warn(obj: object, msg?: string): void }
}

export interface DispatchStats { delivered: number; retrying: number; failed: number }

/** A claimed delivery is someone's for this long; past it (the process died) another instance retries it. */
const LEASE_MS = 5 * 60_000
const BATCH = 20

interface Claimed { id: number; event: string; payload: unknown; attempts: number; url: string; secret: string; active: boolean; workspace_id: string; }

/**
 * Delivers the webhook deliveries that are due, for one workspace or all. Each is leased first
 * (FOR UPDATE SKIP LOCKED: two instances never take the same one), so a delivery is made at least
 * once; receivers tell a repeat by its event key. A failure is retried with backoff, then given up.
 */
export async function deliverDueWebhooks(deps: WebhookDispatchDeps, scope: { workspaceId?: string } = {}, signal?: AbortSignal): Promise<DispatchStats> {
  const now = deps.now ?? (() => new Date())
  const stats: DispatchStats = { delivered: 0, retrying: 0, failed: 0 }
  for (;;) {
    if (signal?.aborted) break
    const batch = await claimBatch(deps.db, now(), scope.workspaceId)
    if (batch.length === 0) break
    for (const d of batch) {
      const outcome = d.active
        ? await postDelivery({
            url: d.url, secret: (deps.secrets ?? NO_SECRETS).open(d.secret, WEBHOOK_SECRET_PURPOSE), event: d.event, deliveryId: d.id, body: JSON.stringify(d.payload), now: now(),
            policy: deps.addressPolicy ?? PUBLIC_ONLY, timeoutMs: deps.timeoutMs ?? 10_000, ...(signal && { signal }),
          })
        : { ok: false, statusCode: null, error: 'The webhook was deactivated.' }
      if (outcome.ok) {
        stats.delivered++
        await deps.db.updateTable('webhook_deliveries').set({ status: 'delivered', delivered_at: now(), last_status_code: outcome.statusCode, last_error: null, lease_until: null, updated_at: now() }).where('id', '=', d.id).execute()
        continue
      }
      const next = d.active ? nextWebhookAttempt(d.attempts, now()) : null
      if (next) stats.retrying++
      else stats.failed++
      deps.log?.warn({ webhookDelivery: d.id, event: d.event, statusCode: outcome.statusCode, error: outcome.error, retryAt: next }, 'webhook delivery failed')
      await deps.db
        .updateTable('webhook_deliveries')
        .set({ status: next ? 'pending' : 'failed', next_attempt_at: next ?? now(), last_status_code: outcome.statusCode, last_error: outcome.error, lease_until: null, updated_at: now() })
        .where('id', '=', d.id)
        .execute()
    }
  }
  return stats
}

async function claimBatch(db: Kysely<DB>, now: Date, workspaceId: string | undefined): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS)
  return db.transaction().execute(async (trx) => {
    const due = await sql<{ id: number }>`
      select d.id from webhook_deliveries d join webhooks w on w.id = d.webhook_id
      where ((d.status = 'pending' and d.next_attempt_at <= ${now}) or (d.status = 'delivering' and d.lease_until < ${now}))
        and (${workspaceId ?? null}::uuid is null or w.workspace_id = ${workspaceId ?? null}::uuid)
      order by d.next_attempt_at, d.id limit ${BATCH}
      for update of d skip locked`.execute(trx)
    if (due.rows.length === 0) return []
    const ids = due.rows.map((r) => r.id)
    const claimed = await sql<Claimed>`
      update webhook_deliveries d set status = 'delivering', attempts = d.attempts + 1, lease_until = ${leaseUntil}, updated_at = ${now}
      from webhooks w
      where d.webhook_id = w.id and d.id in (select value::bigint from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
      returning d.id, d.event, d.payload, d.attempts, w.url, w.secret, w.active, w.workspace_id`.execute(trx)
    return claimed.rows.sort((a, b) => a.id - b.id)
  })
}
