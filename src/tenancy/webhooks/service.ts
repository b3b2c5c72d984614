import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { DB } from '../../platform/db/schema.ts'
import { AppError, notFound } from '../../platform/shared/errors.ts'
import { createdAtIdCursor, decodeCursor, keysetPage, type Page } from '../../platform/shared/cursor.ts'
import { isUuid } from '../../platform/shared/ids.ts'
import { checkOutboundUrl, PUBLIC_ONLY, type AddressPolicy } from '../../pipeline/networks/http/address-policy.ts'
import { resolveTarget, UnsafeTargetError } from '../../pipeline/networks/http/resolve-target.ts'
import { generateWebhookSecret } from './signature.ts'
import { NO_SECRETS, type SecretBox } from '../../platform/secrets/secret-box.ts'
import { WEBHOOK_SECRET_PURPOSE } from '../../platform/secrets/stored-secrets.ts'
import { WEBHOOK_COLUMNS, WEBHOOK_DELIVERY_COLUMNS, webhookDeliveryToDto, webhookToDto, type Webhook, type WebhookDelivery, type WebhookInput, type WebhookPatch } from './dto.ts'
import { pastKeyset } from '../../platform/db/keyset.ts'


export interface WebhookServiceDeps {
  db: Kysely<DB>
  /** The operator's ALLOW_PRIVATE_ADDRESSES, and DNS (tests point names at chosen addresses). Default: public only. */
  addressPolicy?: AddressPolicy
  /** Seals the webhook's secret before it is stored. */
  secrets?: SecretBox
}

const deliveryCursor = z.tuple([z.number().int()])

/** Webhooks of one workspace. The secret leaves the service once, in `create`'s answer. */
export function createWebhookService(deps: WebhookServiceDeps) {
  const { db } = deps
  const policy = deps.addressPolicy ?? PUBLIC_ONLY

  const checkTarget = async (url: string) => {
    try {
      await checkOutboundUrl(new URL(url), policy, 'webhook')
      await resolveTarget(new URL(url).hostname, policy.allowPrivate, policy.resolver)
    } catch (error) {
      if (error instanceof UnsafeTargetError) throw new AppError('unprocessable', error.message)
      throw error
    }
  }
  const owned = async (workspaceId: string, id: string) => {
    if (!isUuid(id)) throw notFound('The webhook')
    const row = await db.selectFrom('webhooks').select(WEBHOOK_COLUMNS).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst()
    if (!row) throw notFound('The webhook')
    return row
  }

  return {
    async list(workspaceId: string, limit: number, cursor?: string): Promise<Page<Webhook>> {
      let query = db.selectFrom('webhooks').select(WEBHOOK_COLUMNS).where('workspace_id', '=', workspaceId)
      if (cursor) {
        const [createdAt, id] = decodeCursor(cursor, createdAtIdCursor)
        query = query.where(pastKeyset('created_at', new Date(createdAt), id, 'asc'))
      }
      const rows = await query.orderBy('created_at').orderBy('id').limit(limit + 1).execute()
      return keysetPage(rows, limit, webhookToDto, (webhook) => [webhook.createdAt, webhook.id])
    },

    async get(workspaceId: string, id: string): Promise<Webhook> {
      return webhookToDto(await owned(workspaceId, id))
    },

    async create(workspaceId: string, input: WebhookInput): Promise<Webhook & { secret: string }> {
      await checkTarget(input.url)
      const secret = generateWebhookSecret()
      const row = await db
        .insertInto('webhooks')
        .values({ workspace_id: workspaceId, url: input.url, events: input.events, description: input.description, active: input.active, secret: (deps.secrets ?? NO_SECRETS).seal(secret, WEBHOOK_SECRET_PURPOSE) })
        .returning(WEBHOOK_COLUMNS)
        .executeTakeFirstOrThrow()
      return { ...webhookToDto(row), secret }
    },

    async update(workspaceId: string, id: string, patch: WebhookPatch): Promise<Webhook> {
      await owned(workspaceId, id)
      if (patch.url !== undefined) await checkTarget(patch.url)
      const row = await db
        .updateTable('webhooks')
        .set({
          ...(patch.url !== undefined && { url: patch.url }),
          ...(patch.events !== undefined && { events: patch.events }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.active !== undefined && { active: patch.active }),
          updated_at: new Date(),
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .returning(WEBHOOK_COLUMNS)
        .executeTakeFirst()
      if (!row) throw notFound('The webhook')
      return webhookToDto(row)
    },

    async remove(workspaceId: string, id: string): Promise<void> {
      if (!isUuid(id)) throw notFound('The webhook')
      const result = await db.deleteFrom('webhooks').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst()
      if (Number(result.numDeletedRows) === 0) throw notFound('The webhook')
    },

    async deliveries(workspaceId: string, id: string, limit: number, cursor?: string): Promise<Page<WebhookDelivery>> {
      await owned(workspaceId, id)
      let query = db.selectFrom('webhook_deliveries').select(WEBHOOK_DELIVERY_COLUMNS).where('webhook_id', '=', id)
      if (cursor) query = query.where('id', '<', decodeCursor(cursor, deliveryCursor)[0])
      const rows = await query.orderBy('id', 'desc').limit(limit + 1).execute()
      return keysetPage(rows, limit, webhookDeliveryToDto, (delivery) => [delivery.id])
    },

    /** Read-only for a workspace: whether the operator lets webhooks reach private addresses. */
    settings() {
      return { allowPrivateWebhooks: policy.allowPrivate }
    },

    updateSettings(patch: { allowPrivateWebhooks?: boolean }) {
      if (patch.allowPrivateWebhooks !== undefined) {
        throw new AppError('validation_failed', 'allowPrivateWebhooks cannot be changed by a workspace: private addresses are opened by the operator of this Relais (ALLOW_PRIVATE_ADDRESSES=true).')
      }
      return this.settings()
    },
  }
}

export type WebhookService = ReturnType<typeof createWebhookService>
