import type { ColumnType, Generated, Selectable } from 'kysely'

export const WEBHOOK_EVENTS = ['alert.created', 'digest.sent', 'score_run.finished'] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

export interface WebhooksTable {
  id: Generated<string>
  workspace_id: string
  url: string
  events: WebhookEvent[]
  /** HMAC key of the signatures. Stored as is (it must sign); never returned after creation, never logged. */
  secret: string
  description: Generated<string>
  active: Generated<boolean>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
export type WebhookRow = Selectable<WebhooksTable>

export type WebhookDeliveryStatus = 'pending' | 'delivering' | 'delivered' | 'failed'

export interface WebhookDeliveriesTable {
  id: Generated<number>
  webhook_id: string
  event: WebhookEvent
  /** Identifies the event: the same event is delivered once per webhook. */
  event_key: string
  payload: ColumnType<Record<string, unknown>, Record<string, unknown> | string, Record<string, unknown>>
  status: WebhookDeliveryStatus
  attempts: Generated<number>
  next_attempt_at: Date
  lease_until: Date | null
  last_status_code: number | null
  last_error: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  delivered_at: Date | null
}
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>
