import { AppError } from '../../platform/shared/errors.ts'

export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000

/**
 * The end of the hour in progress. Windows that default to "now" end there, so a result (and its
 * ETag) stays the same within the hour instead of changing at every request.
 */
export function endOfCurrentHour(now: Date): Date {
  return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS)
}

export interface TimeRange { since: Date; until: Date }

/** since/until as asked, defaulting to the last `defaultDays` up to the current hour's end. */
export function resolveRange(input: { since?: string; until?: string }, now: Date, defaultDays: number, maxDays: number): TimeRange {
  const until = input.until ? new Date(input.until) : endOfCurrentHour(now)
  const since = input.since ? new Date(input.since) : new Date(until.getTime() - defaultDays * DAY_MS)
  if (since.getTime() >= until.getTime()) throw new AppError('validation_failed', '`since` must be before `until`.')
  if (until.getTime() - since.getTime() > maxDays * DAY_MS) throw new AppError('validation_failed', `The range may span at most ${maxDays} days.`)
  return { since, until }
}
