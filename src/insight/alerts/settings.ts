import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { DB } from '../../platform/db/schema.ts'

export interface AlertSettings {
  /** An hour spikes above mean + k·σ of its baseline. */
  k: number
  /** Hours with fewer mentions never alert. */
  minVolume: number
  /** No second alert of the same kind on the same network within this many hours. */
  cooldownHours: number
  /** Hours before the one analysed that form its baseline. */
  baselineHours: number
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = { k: 3, minVolume: 10, cooldownHours: 12, baselineHours: 168 }

export const alertSettingsSchema = z
  .strictObject({
    k: z.number().gt(0).max(20).describe('An hour is a spike above mean + k·σ of its baseline.'),
    minVolume: z.number().int().min(1).max(1_000_000).describe('Hours with fewer mentions never alert.'),
    cooldownHours: z.number().int().min(0).max(720).describe('No second alert of the same kind on the same network within this many hours.'),
    baselineHours: z.number().int().min(24).max(2160).describe('Hours before the one analysed that form its baseline.'),
  })
  .meta({ id: 'AlertSettings', example: DEFAULT_ALERT_SETTINGS })

/** The topic's settings, or the defaults when it has none of its own. */
export async function alertSettingsOf(db: Kysely<DB>, topicId: string): Promise<AlertSettings> {
  const row = await db.selectFrom('alert_settings').select(['k', 'min_volume', 'cooldown_hours', 'baseline_hours']).where('topic_id', '=', topicId).executeTakeFirst()
  return row ? { k: row.k, minVolume: row.min_volume, cooldownHours: row.cooldown_hours, baselineHours: row.baseline_hours } : DEFAULT_ALERT_SETTINGS
}

export async function saveAlertSettings(db: Kysely<DB>, topicId: string, s: AlertSettings): Promise<void> {
  const values = { k: s.k, min_volume: s.minVolume, cooldown_hours: s.cooldownHours, baseline_hours: s.baselineHours, updated_at: new Date() }
  await db.insertInto('alert_settings').values({ topic_id: topicId, ...values }).onConflict((oc) => oc.column('topic_id').doUpdateSet(values)).execute()
}
