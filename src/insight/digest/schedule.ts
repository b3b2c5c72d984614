import { addDays, isoWeek, isoWeekday, localTime, zonedInstant } from './zoned-time.ts'

export interface DigestSchedule {
  /** ISO weekday, 1 = Monday. */
  weekday: number
  hour: number
  timeZone: string
}

export interface DigestSlot {
  /** ISO week of the slot in the subscription's zone, e.g. "2025-W23": the idempotency key with the subscription. */
  isoWeek: string
  /** When the digest of that week is due; it covers the seven days before. */
  at: Date
}

/** The slot of the ISO week (in the schedule's zone) that contains `instant`. */
export function slotOfWeek(schedule: DigestSchedule, instant: Date): DigestSlot {
  const local = localTime(instant, schedule.timeZone)
  const monday = addDays(local, 1 - isoWeekday(local))
  const day = addDays(monday, schedule.weekday - 1)
  return { isoWeek: isoWeek(day), at: zonedInstant({ ...day, hour: schedule.hour, minute: 0 }, schedule.timeZone) }
}

/** The latest slot at or before `now` (this week's, or last week's when this week's is still ahead). */
export function latestSlot(schedule: DigestSchedule, now: Date): DigestSlot {
  const current = slotOfWeek(schedule, now)
  if (current.at.getTime() <= now.getTime()) return current
  return slotOfWeek(schedule, new Date(current.at.getTime() - 7 * 86_400_000))
}

/** The next slot strictly after `now`. */
export function nextSlot(schedule: DigestSchedule, now: Date): DigestSlot {
  const current = slotOfWeek(schedule, now)
  if (current.at.getTime() > now.getTime()) return current
  return slotOfWeek(schedule, new Date(current.at.getTime() + 7 * 86_400_000))
}

/** The slot a subscription owes at `now`, or null when it is not due yet (slots before `from` are not owed). */
export function dueSlot(schedule: DigestSchedule, from: Date, now: Date): DigestSlot | null {
  const slot = latestSlot(schedule, now)
  return slot.at.getTime() >= from.getTime() ? slot : null
}
