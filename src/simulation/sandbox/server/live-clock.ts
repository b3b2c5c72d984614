// A sandbox whose time passes with the wall clock: from the generated present, every tick moves
// the view forward by the time elapsed, so the posts generated after the present (`futureHours`)
// appear when their creation time comes, in the REST routes and on the Jetstream alike.
import type { SandboxView } from './sandbox-view.ts'

const HOUR_MS = 3_600_000
/** How often the clock moves: a new post shows up this long after its creation time at most. */
export const LIVE_CLOCK_TICK_MS = 200

/** Starts the clock; the returned function stops it. `advance` still jumps ahead on top of it. */
export function startLiveClock(view: SandboxView, wallNow: () => number = Date.now): () => void {
  let last = wallNow()
  const timer = setInterval(() => {
    const now = wallNow()
    if (now > last) view.advance((now - last) / HOUR_MS)
    last = now
  }, LIVE_CLOCK_TICK_MS)
  timer.unref()
  return () => clearInterval(timer)
}
