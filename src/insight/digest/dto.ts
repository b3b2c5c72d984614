import { z } from 'zod'
import { DIGEST_DELIVERY_STATUSES, DIGEST_LANGUAGES, type DigestDeliveryRow, type DigestSubscriptionRow } from '../../platform/db/tables/digests.ts'
import { nextSlot } from './schedule.ts'
import { isTimeZone } from './zoned-time.ts'

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
export type Weekday = (typeof WEEKDAYS)[number]
export const weekdayNumber = (day: Weekday) => WEEKDAYS.indexOf(day) + 1

const recipients = z.array(z.email().max(254)).min(1).max(50)
  .refine((list) => new Set(list.map((a) => a.toLowerCase())).size === list.length, 'each address once')
  .describe('Email addresses the digest goes to (one email, every address in To).')
const timeZone = z.string().max(64).refine(isTimeZone, 'an IANA time zone such as Europe/Paris').describe('IANA time zone the day and hour are read in.')

export const digestInputSchema = z
  .strictObject({
    topicId: z.uuid().describe('The topic the digest is about.'),
    recipients,
    weekday: z.enum(WEEKDAYS).default('monday').describe('Day the digest is sent.'),
    hour: z.number().int().min(0).max(23).default(8).describe('Hour (0–23) it is sent at, in `timeZone`.'),
    timeZone: timeZone.default('UTC'),
    language: z.enum(DIGEST_LANGUAGES).default('en').describe('Language of the email: en or fr.'),
  })
  .meta({ id: 'NewDigestSubscription', example: { topicId: '7d3f3c9e-8a57-4c1f-9a0e-2f4d51f0c2a1', recipients: ['com@velocite.example'], weekday: 'monday', hour: 8, timeZone: 'Europe/Paris', language: 'fr' } })

export const digestPatchSchema = z
  .strictObject({
    recipients: recipients.optional(),
    weekday: z.enum(WEEKDAYS).optional(),
    hour: z.number().int().min(0).max(23).optional(),
    timeZone: timeZone.optional(),
    language: z.enum(DIGEST_LANGUAGES).optional(),
  })
  .meta({ id: 'DigestSubscriptionChanges', example: { hour: 7, recipients: ['com@velocite.example', 'direction@velocite.example'] } })

const refusedSchema = z.object({
  address: z.string(),
  reason: z.string().describe('What the mail server answered.'),
  at: z.iso.datetime(),
  permanent: z.boolean().describe('A permanent refusal (5xx): the address is probably wrong.'),
}).meta({ id: 'RefusedRecipient', example: { address: 'old@velocite.example', reason: '550 5.1.1 No such user here', at: '2026-11-23T07:00:02.000Z', permanent: true } })

const DELIVERY_EXAMPLE = {
  id: 42, isoWeek: '2026-W48', scheduledFor: '2026-11-23T07:00:00.000Z', status: 'sent' as const, messageId: '<digest-5b0f8f9e-3c2d-4d8e-9a41-0c6f2b7d1e55-2026-W48@relais.example>',
  attempts: 1, accepted: ['com@velocite.example'], refused: [], error: null, sentAt: '2026-11-23T07:00:03.000Z', createdAt: '2026-11-23T07:00:01.000Z',
}

export const digestDeliverySchema = z
  .object({
    id: z.number().int(),
    isoWeek: z.string().describe('ISO week of the digest in the subscription\'s time zone, e.g. 2025-W23.'),
    scheduledFor: z.iso.datetime(),
    status: z.enum(DIGEST_DELIVERY_STATUSES).describe('sent; failed (refused for good, or retries exhausted); retrying; claimed/sending (in progress); unknown (the process stopped while the mail server had the message: not re-sent, so never twice).'),
    messageId: z.string().describe('SMTP Message-ID, derived from the subscription and the week.'),
    attempts: z.number().int(),
    accepted: z.array(z.string()),
    refused: z.array(refusedSchema),
    error: z.string().nullable(),
    sentAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'DigestDelivery', example: DELIVERY_EXAMPLE })

export const digestSchema = z
  .object({
    id: z.uuid(),
    topicId: z.uuid(),
    recipients: z.array(z.string()),
    weekday: z.enum(WEEKDAYS),
    hour: z.number().int(),
    timeZone: z.string(),
    language: z.enum(DIGEST_LANGUAGES),
    nextSendAt: z.iso.datetime().describe('When the next digest is due.'),
    refusedRecipients: z.array(refusedSchema).describe('Addresses the mail server refused or bounced, latest refusal per address.'),
    lastDelivery: digestDeliverySchema.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({
    id: 'DigestSubscription',
    example: {
      id: '5b0f8f9e-3c2d-4d8e-9a41-0c6f2b7d1e55', topicId: '7d3f3c9e-8a57-4c1f-9a0e-2f4d51f0c2a1', recipients: ['com@velocite.example'], weekday: 'monday', hour: 8,
      timeZone: 'Europe/Paris', language: 'fr', nextSendAt: '2026-11-30T07:00:00.000Z', refusedRecipients: [], lastDelivery: DELIVERY_EXAMPLE,
      createdAt: '2026-11-02T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z',
    },
  })

export type DigestInput = z.infer<typeof digestInputSchema>
export type DigestPatch = z.infer<typeof digestPatchSchema>
export type Digest = z.infer<typeof digestSchema>
export type DigestDelivery = z.infer<typeof digestDeliverySchema>

export const SUBSCRIPTION_COLUMNS = ['id', 'topic_id', 'recipients', 'weekday', 'hour', 'time_zone', 'language', 'refused', 'schedule_from', 'created_at', 'updated_at'] as const
export const DELIVERY_COLUMNS = ['id', 'iso_week', 'scheduled_for', 'status', 'message_id', 'attempts', 'accepted', 'rejected', 'error', 'sent_at', 'created_at'] as const

export function deliveryToDto(r: Pick<DigestDeliveryRow, (typeof DELIVERY_COLUMNS)[number]>): DigestDelivery {
  return {
    id: r.id, isoWeek: r.iso_week, scheduledFor: r.scheduled_for.toISOString(), status: r.status, messageId: r.message_id, attempts: r.attempts,
    accepted: r.accepted, refused: r.rejected, error: r.error, sentAt: r.sent_at?.toISOString() ?? null, createdAt: r.created_at.toISOString(),
  }
}

export function digestToDto(r: Pick<DigestSubscriptionRow, (typeof SUBSCRIPTION_COLUMNS)[number]>, lastDelivery: DigestDelivery | null, now: Date): Digest {
  return {
    id: r.id, topicId: r.topic_id, recipients: r.recipients, weekday: WEEKDAYS[r.weekday - 1], hour: r.hour, timeZone: r.time_zone, language: r.language,
    nextSendAt: nextSlot({ weekday: r.weekday, hour: r.hour, timeZone: r.time_zone }, now).at.toISOString(),
    refusedRecipients: r.refused, lastDelivery, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  }
}
