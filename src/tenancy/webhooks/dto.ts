import { z } from 'zod'
import { WEBHOOK_EVENTS, type WebhookDeliveryRow, type WebhookRow } from '../../platform/db/tables/webhooks.ts'

const url = z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).max(2000)
  .refine((u) => { if (!URL.canParse(u)) return true; const p = new URL(u); return !p.username && !p.password }, 'no user or password in the URL (the signature authenticates Relais)')
  .describe('Where events are POSTed.')
const events = z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length)
  .refine((list) => new Set(list).size === list.length, 'each event once')
  .describe('alert.created (a spike), digest.sent (a weekly digest went out), score_run.finished (a topic was ranked).')

export const webhookInputSchema = z
  .strictObject({
    url,
    events,
    description: z.string().trim().max(200).default(''),
    active: z.boolean().default(true),
  })
  .meta({ id: 'NewWebhook', example: { url: 'https://hooks.example.com/relais', events: ['alert.created'], description: 'Spikes to the on-call channel', active: true } })

export const webhookPatchSchema = z
  .strictObject({ url: url.optional(), events: events.optional(), description: z.string().trim().max(200).optional(), active: z.boolean().optional() })
  .meta({ id: 'WebhookChanges', example: { active: false } })

const WEBHOOK_EXAMPLE = {
  id: '0e8f5d1c-7a3b-4c2e-9f10-6b5a4d3c2b1a', url: 'https://hooks.example.com/relais', events: ['alert.created' as const], description: 'Spikes to the on-call channel',
  active: true, createdAt: '2026-11-02T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z',
}

export const webhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    description: z.string(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Webhook', example: WEBHOOK_EXAMPLE })

export const createdWebhookSchema = webhookSchema
  .extend({ secret: z.string().describe('HMAC-SHA256 key of the Relais-Signature header. Shown this once; store it now.') })
  .meta({ id: 'CreatedWebhook', example: { ...WEBHOOK_EXAMPLE, secret: 'whsec_Jq2x7wXmZ8bQ0m6Yc1r9kT5pL4nV2sA8dF0gH6jK1lE' } })

export const webhookDeliverySchema = z
  .object({
    id: z.number().int(),
    event: z.enum(WEBHOOK_EVENTS),
    eventKey: z.string().describe('Identifies the event; receivers can use it to ignore a repeat.'),
    status: z.enum(['pending', 'delivering', 'delivered', 'failed']),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable().describe('HTTP status of the last attempt; null when no answer came.'),
    lastError: z.string().nullable(),
    nextAttemptAt: z.iso.datetime().nullable().describe('When it is tried again (pending only).'),
    createdAt: z.iso.datetime(),
    deliveredAt: z.iso.datetime().nullable(),
  })
  .meta({
    id: 'WebhookDelivery',
    example: { id: 311, event: 'alert.created', eventKey: 'alert:7', status: 'delivered', attempts: 2, lastStatusCode: 204, lastError: null, nextAttemptAt: null, createdAt: '2026-11-20T12:05:01.000Z', deliveredAt: '2026-11-20T12:06:02.000Z' },
  })

export const workspaceSettingsSchema = z
  .object({ allowPrivateWebhooks: z.boolean().describe('Whether webhooks may target private, loopback and link-local addresses. Read-only: only the operator sets it (ALLOW_PRIVATE_ADDRESSES).') })
  .meta({ id: 'WorkspaceSettings', example: { allowPrivateWebhooks: false } })
export const workspaceSettingsPatchSchema = z
  .strictObject({ allowPrivateWebhooks: z.boolean().optional().describe('Refused (400): private addresses are opened by the operator, not by a workspace.') })
  .meta({ id: 'WorkspaceSettingsChanges', example: {} })

export type WebhookInput = z.infer<typeof webhookInputSchema>
export type WebhookPatch = z.infer<typeof webhookPatchSchema>
export type Webhook = z.infer<typeof webhookSchema>
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>

export const WEBHOOK_COLUMNS = ['id', 'url', 'events', 'description', 'active', 'created_at', 'updated_at'] as const
export const WEBHOOK_DELIVERY_COLUMNS = ['id', 'event', 'event_key', 'status', 'attempts', 'last_status_code', 'last_error', 'next_attempt_at', 'created_at', 'delivered_at'] as const

export function webhookToDto(r: Pick<WebhookRow, (typeof WEBHOOK_COLUMNS)[number]>): Webhook {
  return { id: r.id, url: r.url, events: r.events, description: r.description, active: r.active, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString() }
}

export function webhookDeliveryToDto(r: Pick<WebhookDeliveryRow, (typeof WEBHOOK_DELIVERY_COLUMNS)[number]>): WebhookDelivery {
  return {
    id: r.id, event: r.event, eventKey: r.event_key, status: r.status, attempts: r.attempts, lastStatusCode: r.last_status_code, lastError: r.last_error,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null, createdAt: r.created_at.toISOString(), deliveredAt: r.delivered_at?.toISOString() ?? null,
  }
}
