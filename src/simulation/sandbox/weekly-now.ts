import { DEFAULT_SANDBOX_NOW } from './generate.ts'

const WEEK_MS = 7 * 86_400_000

/**
 * The sandbox's present for a clock: the latest moment at or before it that is a whole number of
 * weeks from DEFAULT_SANDBOX_NOW. What the sandbox generates depends on where its days fall in
 * the week (people post by their local hour and weekday), so two clocks a minute apart give two
 * different networks from one seed, while every such moment gives one network, shifted by whole
 * weeks. A check that must see the same network on every run uses it.
 */
export function weeklySandboxNow(clock: Date): Date {
  const weeks = Math.floor((clock.getTime() - DEFAULT_SANDBOX_NOW.getTime()) / WEEK_MS)
  return new Date(DEFAULT_SANDBOX_NOW.getTime() + weeks * WEEK_MS)
}
