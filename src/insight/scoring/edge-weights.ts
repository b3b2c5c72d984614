import type { InteractionKind } from '../../platform/db/tables/content.ts'

/**
 * How much attention each kind of tie shows (edge u → v: u pays attention to v). A repost or a
 * quote passes v's words on, a reply engages with them, a mention names v, a follow is standing
 * but passive attention.
 */
export const EDGE_WEIGHTS: Record<InteractionKind | 'follow', number> = {
  follow: 1,
  mention: 1.5,
  reply: 2,
  repost: 3,
  quote: 3,
}

/** Interactions fade: one from `HALF_LIFE_DAYS` ago counts half as much as one today. */
export const HALF_LIFE_DAYS = 14

/** `occurredAtMs`: milliseconds since the epoch (the load reads them as numbers, not dates). */
export function decayed(weight: number, occurredAtMs: number, now: Date): number {
  const ageDays = Math.max(0, (now.getTime() - occurredAtMs) / 86_400_000)
  return weight * Math.pow(0.5, ageDays / HALF_LIFE_DAYS)
}
