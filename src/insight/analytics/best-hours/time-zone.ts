import { z } from 'zod'

// IANA names only ("Europe/Paris", "UTC", "Etc/GMT+3"): POSIX strings such as "UTC+3" mean the
// opposite offset to PostgreSQL, so they are refused rather than misread.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/

export function isKnownTimeZone(name: string): boolean {
  if (!IANA_NAME.test(name)) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

const zone = z.string().max(64).refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Paris or UTC')

/**
 * The time zone of a query, named `timeZone` as everywhere else in the API (digests, responses).
 * `tz`, its first name on best hours, is still read for the clients that use it.
 */
export const timeZoneQueryParams = {
  timeZone: zone.optional().describe('IANA time zone the hours are read in, e.g. Europe/Paris (default UTC).'),
  tz: zone.optional().meta({ deprecated: true }).describe('Deprecated: the former name of `timeZone`, read only when `timeZone` is absent.'),
}

export const queryTimeZone = (q: { timeZone?: string; tz?: string }): string => q.timeZone ?? q.tz ?? 'UTC'
