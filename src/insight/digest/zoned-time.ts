// Wall-clock time in an IANA time zone, with Intl only (no time-zone database of our own).

export interface LocalDate { year: number; month: number; day: number }
export interface LocalDateTime extends LocalDate { hour: number; minute: number }

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    formatters.set(timeZone, f)
  }
  return f
}

export function isTimeZone(name: string): boolean {
  try {
    formatter(name)
    return true
  } catch {
    return false
  }
}

/** The wall clock in `timeZone` at `instant`. */
export function localTime(instant: Date, timeZone: string): LocalDateTime & { second: number } {
  const parts: Record<string, number> = {}
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second }
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function offsetAt(instantMs: number, timeZone: string): number {
  const t = localTime(new Date(instantMs), timeZone)
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - Math.floor(instantMs / 1000) * 1000
}

/**
 * The instant a wall-clock time happens in `timeZone`. A time skipped by a DST change (02:30 on
 * the spring-forward night) is read with the offset before the change, so it lands an hour later;
 * a repeated time (autumn) takes its first occurrence.
 */
export function zonedInstant(local: LocalDateTime, timeZone: string): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute)
  const before = offsetAt(asUtc - 86_400_000, timeZone)
  const after = offsetAt(asUtc + 86_400_000, timeZone)
  // Try both offsets around the wall time; keep the earliest that reads back as that wall time.
  const candidates = [asUtc - before, asUtc - after].sort((a, b) => a - b)
  for (const c of candidates) {
    const t = localTime(new Date(c), timeZone)
    if (t.year === local.year && t.month === local.month && t.day === local.day && t.hour === local.hour && t.minute === local.minute) return new Date(c)
  }
  return new Date(asUtc - before)
}

/** Days added to a calendar date (no time zone involved). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const wd = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()
  return wd === 0 ? 7 : wd
}

/** ISO-8601 week of a calendar date, e.g. "2025-W01" (the week with the year's first Thursday). */
export function isoWeek(date: LocalDate): string {
  const thursday = addDays(date, 4 - isoWeekday(date))
  const jan1 = Date.UTC(thursday.year, 0, 1)
  const week = Math.floor((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / 86_400_000 / 7) + 1
  return `${thursday.year}-W${String(week).padStart(2, '0')}`
}
