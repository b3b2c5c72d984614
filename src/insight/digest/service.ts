import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { notFound } from '../../platform/shared/errors.ts'
import { createdAtIdCursor, decodeCursor, keysetPage, type Page } from '../../platform/shared/cursor.ts'
import { findTopic } from '../../tenancy/topics/find-topic.ts'
import { isUuid } from '../../platform/shared/ids.ts'
import { gatherDigest } from './content/gather.ts'
import { renderDigest, type RenderedDigest } from './render/index.ts'
import { DELIVERY_COLUMNS, deliveryToDto, digestToDto, SUBSCRIPTION_COLUMNS, weekdayNumber, type Digest, type DigestDelivery, type DigestInput, type DigestPatch } from './dto.ts'
import { z } from 'zod'
import { jsonb } from './delivery/jsonb.ts'
import { pastKeyset } from '../../platform/db/keyset.ts'


export interface DigestServiceDeps {
  db: Kysely<DB>
  /** PUBLIC_URL, for links in the email; the caller's own origin stands in when unset. */
  publicUrl?: string
  now?: () => Date
}

const deliveryCursor = z.tuple([z.number().int()])

/** Digest subscriptions of one workspace; another workspace's subscription is "not found". */
export function createDigestService(deps: DigestServiceDeps) {
  const { db } = deps
  const now = deps.now ?? (() => new Date())

  const lastDelivery = async (subscriptionId: string): Promise<DigestDelivery | null> => (await lastDeliveries([subscriptionId])).get(subscriptionId) ?? null
  /** The latest delivery of each subscription, in one query. */
  const lastDeliveries = async (ids: string[]): Promise<Map<string, DigestDelivery>> => {
    if (ids.length === 0) return new Map()
    const rows = await db
      .selectFrom('digest_deliveries').select(['subscription_id', ...DELIVERY_COLUMNS])
      .distinctOn('subscription_id').where('subscription_id', 'in', ids).orderBy('subscription_id').orderBy('id', 'desc')
      .execute()
    return new Map(rows.map((r) => [r.subscription_id, deliveryToDto(r)]))
  }
  const owned = async (workspaceId: string, id: string) => {
    if (!isUuid(id)) throw notFound('The digest subscription')
    const row = await db.selectFrom('digest_subscriptions').select(SUBSCRIPTION_COLUMNS).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst()
    if (!row) throw notFound('The digest subscription')
    return row
  }

  return {
    async list(workspaceId: string, limit: number, cursor?: string, topicId?: string): Promise<Page<Digest>> {
      let query = db.selectFrom('digest_subscriptions').select(SUBSCRIPTION_COLUMNS).where('workspace_id', '=', workspaceId)
      if (topicId !== undefined) query = query.where('topic_id', '=', topicId)
      if (cursor) {
        const [createdAt, id] = decodeCursor(cursor, createdAtIdCursor)
        query = query.where(pastKeyset('created_at', new Date(createdAt), id, 'asc'))
      }
      const rows = await query.orderBy('created_at').orderBy('id').limit(limit + 1).execute()
      const latest = await lastDeliveries(rows.slice(0, limit).map((r) => r.id))
      return keysetPage(rows, limit, (r) => digestToDto(r, latest.get(r.id) ?? null, now()), (digest) => [digest.createdAt, digest.id])
    },

    async get(workspaceId: string, id: string): Promise<Digest> {
      const row = await owned(workspaceId, id)
      return digestToDto(row, await lastDelivery(row.id), now())
    },

    async create(workspaceId: string, input: DigestInput): Promise<Digest> {
      const topic = await findTopic(db, workspaceId, input.topicId)
      const row = await db
        .insertInto('digest_subscriptions')
        .values({
          workspace_id: workspaceId, topic_id: topic.id, recipients: input.recipients, weekday: weekdayNumber(input.weekday), hour: input.hour,
          time_zone: input.timeZone, language: input.language, schedule_from: now(),
        })
        .returning(SUBSCRIPTION_COLUMNS)
        .executeTakeFirstOrThrow()
      return digestToDto(row, null, now())
    },

    async update(workspaceId: string, id: string, patch: DigestPatch): Promise<Digest> {
      const current = await owned(workspaceId, id)
      const scheduleChanged = (patch.weekday !== undefined && weekdayNumber(patch.weekday) !== current.weekday) ||
        (patch.hour !== undefined && patch.hour !== current.hour) || (patch.timeZone !== undefined && patch.timeZone !== current.time_zone)
      const kept = patch.recipients ? new Set(patch.recipients.map((a) => a.toLowerCase())) : null
      const row = await db
        .updateTable('digest_subscriptions')
        .set({
          ...(patch.recipients !== undefined && { recipients: patch.recipients }),
          ...(patch.weekday !== undefined && { weekday: weekdayNumber(patch.weekday) }),
          ...(patch.hour !== undefined && { hour: patch.hour }),
          ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
          ...(patch.language !== undefined && { language: patch.language }),
          // A new schedule owes no slot that passed before the change.
          ...(scheduleChanged && { schedule_from: now() }),
          // Refusals of addresses no longer on the list are no longer news.
          ...(kept && { refused: jsonb(current.refused.filter((r) => kept.has(r.address.toLowerCase()))) }),
          updated_at: now(),
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .returning(SUBSCRIPTION_COLUMNS)
        .executeTakeFirst()
      if (!row) throw notFound('The digest subscription')
      return digestToDto(row, await lastDelivery(row.id), now())
    },

    async remove(workspaceId: string, id: string): Promise<void> {
      if (!isUuid(id)) throw notFound('The digest subscription')
      const result = await db.deleteFrom('digest_subscriptions').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst()
      if (Number(result.numDeletedRows) === 0) throw notFound('The digest subscription')
    },

    async deliveries(workspaceId: string, id: string, limit: number, cursor?: string): Promise<Page<DigestDelivery>> {
      await owned(workspaceId, id)
      let query = db.selectFrom('digest_deliveries').select(DELIVERY_COLUMNS).where('subscription_id', '=', id)
      if (cursor) query = query.where('id', '<', decodeCursor(cursor, deliveryCursor)[0])
      const rows = await query.orderBy('id', 'desc').limit(limit + 1).execute()
      return keysetPage(rows, limit, deliveryToDto, (delivery) => [delivery.id])
    },

    /** The email the subscription would receive if it were sent now: the seven days up to now. */
    async preview(workspaceId: string, id: string, origin: string): Promise<RenderedDigest> {
      const row = await owned(workspaceId, id)
      const content = await gatherDigest(db, row.topic_id, now())
      return renderDigest(content, { language: row.language, timeZone: row.time_zone, subscriptionId: row.id, baseUrl: deps.publicUrl ?? origin })
    },
  }
}

export type DigestService = ReturnType<typeof createDigestService>
