import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { WebhookEvent } from '../../platform/db/tables/webhooks.ts'

/**
 * Queues an event for every active webhook of the workspace that listens to it. The same event
 * key is queued once per webhook, so emitting again (a re-run, a second instance) adds nothing.
 * Returns how many deliveries were queued.
 */
export async function emitWebhookEvent(db: Kysely<DB>, workspaceId: string, event: WebhookEvent, key: string, data: Record<string, unknown>, now: Date): Promise<number> {
  const payload = JSON.stringify({ id: key, type: event, createdAt: now.toISOString(), data })
  const result = await sql`
    insert into webhook_deliveries (webhook_id, event, event_key, payload, status, next_attempt_at)
    select w.id, ${event}, ${key}, ${payload}::jsonb, 'pending', ${now}
    from webhooks w where w.workspace_id = ${workspaceId} and w.active and ${event} = any(w.events)
    on conflict (webhook_id, event_key) do nothing`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}
