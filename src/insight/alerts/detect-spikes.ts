// Spike detection on one network's hourly series (pure: no database).
// - Volume: the hour's mentions against the mean μ and standard deviation σ of the baseline hours
//   (hours without a mention count as 0); a spike when volume > μ + k·σ.
// - Negative share: the hour's share of negative mentions against the baseline's pooled share p̄
//   (add-one smoothed, (neg + 1) / (rated + 2), so a baseline without any negative post does not
//   make one negative post a spike); σ is the binomial standard error at the hour's volume,
//   √(p̄(1−p̄)/n), so a share measured on few posts needs a larger jump. A spike when share > p̄ + k·σ.
// Both need at least `minVolume` mentions in the hour, and a baseline of at least
// MIN_BASELINE_HOURS hours that collection covered (hours before `coveredFrom` are not silence,
// they are unknown); the negative kind also needs MIN_BASELINE_RATED rated posts in the baseline.
// Each spike carries these sample sizes. A spike of a kind is not reported again
// within `cooldownHours` of another of the same kind (earlier or later).
import type { AlertKind } from '../../platform/db/tables/alerts.ts'
import type { AlertSettings } from './settings.ts'

export interface HourCounts {
  /** Mentions in the hour. */
  volume: number
  /** Of those with a sentiment, how many, and how many negative. */
  rated: number
  negative: number
}

/** Hours of baseline, since collection began, needed before an hour can spike. */
export const MIN_BASELINE_HOURS = 24
/** Posts with a sentiment, in the baseline, needed before a negative share can spike. */
export const MIN_BASELINE_RATED = 30

export interface Spike {
  /** Index of the hour in the series. */
  hour: number
  kind: AlertKind
  volume: number
  negativeShare: number
  observed: number
  mean: number
  stddev: number
  threshold: number
  /** Sample sizes: baseline hours and their mentions; rated posts in the hour and in the baseline. */
  baselineHours: number
  baselineMentions: number
  rated: number
  baselineRated: number
}

const share = (h: HourCounts) => (h.rated ? h.negative / h.rated : 0)

/**
 * Spikes among the hours `from`…`series.length - 1`; `existing` lists hours (same indexes) that
 * already alerted, per kind, for the cooldown.
 */
export function detectSpikes(series: readonly HourCounts[], from: number, settings: AlertSettings, existing: Partial<Record<AlertKind, number[]>> = {}, coveredFrom = 0): Spike[] {
  const spikes: Spike[] = []
  const alerted: Record<AlertKind, number[]> = { volume: [...(existing.volume ?? [])], negative: [...(existing.negative ?? [])] }
  const cooling = (kind: AlertKind, hour: number) => alerted[kind].some((h) => Math.abs(h - hour) < settings.cooldownHours)
  for (let hour = Math.max(from, 1); hour < series.length; hour++) {
    const current = series[hour]
    if (current.volume < settings.minVolume) continue
    const baseline = series.slice(Math.max(0, coveredFrom, hour - settings.baselineHours), hour)
    const n = baseline.length
    if (n < MIN_BASELINE_HOURS) continue
    const rated = baseline.reduce((s, h) => s + h.rated, 0)
    const sample = { baselineHours: n, baselineMentions: baseline.reduce((s, h) => s + h.volume, 0), rated: current.rated, baselineRated: rated }
    const mean = baseline.reduce((s, h) => s + h.volume, 0) / n
    const stddev = Math.sqrt(baseline.reduce((s, h) => s + (h.volume - mean) ** 2, 0) / n)
    const volumeThreshold = mean + settings.k * stddev
    const candidates: Spike[] = []
    if (current.volume > volumeThreshold) {
      candidates.push({ hour, kind: 'volume', volume: current.volume, negativeShare: share(current), observed: current.volume, mean, stddev, threshold: volumeThreshold, ...sample })
    }
    if (current.rated > 0 && rated >= MIN_BASELINE_RATED) {
      const pooled = (baseline.reduce((s, h) => s + h.negative, 0) + 1) / (rated + 2)
      const error = Math.sqrt((pooled * (1 - pooled)) / current.rated)
      const shareThreshold = pooled + settings.k * error
      if (share(current) > shareThreshold) {
        candidates.push({ hour, kind: 'negative', volume: current.volume, negativeShare: share(current), observed: share(current), mean: pooled, stddev: error, threshold: shareThreshold, ...sample })
      }
    }
    for (const spike of candidates) {
      if (cooling(spike.kind, hour)) continue
      alerted[spike.kind].push(hour)
      spikes.push(spike)
    }
  }
  return spikes
}
