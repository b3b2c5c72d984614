import type { JobContext } from './job.ts'

/**
 * Runs `work` on each unit of a job in turn (a topic, a workspace), telling the person watching
 * which one is under way, and stops between units once the process is stopping. Returns how many
 * units were done.
 */
export async function forEachUnit<T>(
  ctx: Pick<JobContext, 'signal' | 'progress'>,
  units: readonly T[],
  labelOf: (unit: T) => string,
  work: (unit: T) => Promise<void>,
): Promise<number> {
  let done = 0
  for (const unit of units) {
    if (ctx.signal.aborted) break
    ctx.progress({ done, total: units.length, label: labelOf(unit) })
    await work(unit)
    done++
  }
  ctx.progress({ done, total: units.length })
  return done
}
