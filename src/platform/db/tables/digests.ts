import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

export const DIGEST_LANGUAGES = ['en', 'fr'] as const
export type DigestLanguage = (typeof DIGEST_LANGUAGES)[number]

/** An address the SMTP server refused for this subscription, kept so people can fix it. */
export interface RefusedRecipient {
  address: string
  reason: string
  /** When it was refused (ISO-8601). */
  at: string
  permanent: boolean
}

export interface DigestSubscriptionsTable {
  id: Generated<string>
  workspace_id: string
  topic_id: string
  recipients: string[]
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number
  hour: number
  /** IANA time zone the weekday and hour are read in. */
  time_zone: string
  language: DigestLanguage
  refused: ColumnType<RefusedRecipient[], RefusedRecipient[] | undefined, RefusedRecipient[]>
  /** Slots before this time are not owed (set at creation and when the schedule changes). */
  schedule_from: ColumnType<Date, Date | undefined, Date>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
export type DigestSubscriptionRow = Selectable<DigestSubscriptionsTable>
export type NewDigestSubscription = Insertable<DigestSubscriptionsTable>

export const DIGEST_DELIVERY_STATUSES = ['claimed', 'sending', 'retrying', 'sent', 'failed', 'unknown'] as const
export type DigestDeliveryStatus = (typeof DIGEST_DELIVERY_STATUSES)[number]

export interface DigestDeliveriesTable {
  id: Generated<number>
  subscription_id: string
  /** ISO week of the scheduled slot in the subscription's time zone, e.g. 2025-W23. */
  iso_week: string
  scheduled_for: Date
  status: DigestDeliveryStatus
  message_id: string
  attempts: Generated<number>
  claimed_by: string | null
  lease_until: Date | null
  next_attempt_at: Date | null
  accepted: ColumnType<string[], string[] | undefined, string[]>
  rejected: ColumnType<RefusedRecipient[], RefusedRecipient[] | undefined, RefusedRecipient[]>
  smtp_response: string | null
  error: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  sent_at: Date | null
}
export type DigestDeliveryRow = Selectable<DigestDeliveriesTable>
