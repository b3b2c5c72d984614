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

export const timeZoneQuery = z
  .string()
  .max(64)
  .refine(isKnownTimeZone, 'an IANA time zone such as Europe/Paris or UTC')
  .default('UTC')
  .describe('IANA time zone the hours are read in, e.g. Europe/Paris (default UTC).')
