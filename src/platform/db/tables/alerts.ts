import type { Generated, Selectable } from 'kysely'

export const ALERT_KINDS = ['volume', 'negative'] as const
export type AlertKind = (typeof ALERT_KINDS)[number]

/** Per topic, how spikes are detected; a topic without a row uses the defaults. */
export interface AlertSettingsTable {
  topic_id: string
  /** An hour is a spike above mean + k·σ of its baseline. */
  k: number
  /** Hours with fewer posts than this never alert (a 1-post hour is no spike). */
  min_volume: number
  /** No second alert of the same kind and network within this many hours. */
  cooldown_hours: number
  /** Hours before the one analysed that form its baseline. */
  baseline_hours: number
  updated_at: Generated<Date>
}

export interface AlertsTable {
  id: Generated<number>
  topic_id: string
  network: string
  kind: AlertKind
  hour_start: Date
  volume: number
  negative_share: number
  /** The hour's value of the measure that spiked (posts, or negative share). */
  observed: number
  baseline_mean: number
  baseline_stddev: number
  threshold: number
  k: number
  /** The sample judged: baseline hours and mentions, rated posts in the hour and the baseline (null before they were kept). */
  baseline_hours: number | null
  baseline_mentions: number | null
  rated: number | null
  baseline_rated: number | null
  created_at: Generated<Date>
}
export type AlertRow = Selectable<AlertsTable>
