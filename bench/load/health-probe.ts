// Asks /healthz every 200 ms on a connection of its own while a load level runs, as an
// orchestrator's liveness probe would, with the timeout such probes use (1 s).
import { setTimeout as delay } from 'node:timers/promises'

export interface HealthTally { asked: number; answered: number; slowestMs: number }

export function startHealthProbe(url: string): { tally: HealthTally; stop(): Promise<void> } {
  const tally: HealthTally = { asked: 0, answered: 0, slowestMs: 0 }
  let stopped = false
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now()
      tally.asked++
      const ok = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) }).then((res) => res.status === 200, () => false)
      if (ok) tally.answered++
      tally.slowestMs = Math.max(tally.slowestMs, performance.now() - started)
      await delay(200)
    }
  })()
  return {
    tally,
    async stop() {
      stopped = true
      await loop
    },
  }
}
