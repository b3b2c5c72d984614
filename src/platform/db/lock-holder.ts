import { hostname } from 'node:os'
import { currentBootId, processStartTicks } from '../process/boot-identity.ts'

// Who holds a data folder, and whether that holder still runs. A pid alone does not say: in a
// restarted container the new process is pid 1 again, like the one that crashed, and a pid on
// another host (another container sharing the volume) cannot be checked at all.

export interface LockHolder {
  pid: number
  command: string
  since: string
  host: string
  /** The kernel boot the holder ran in; absent in locks written by older versions. */
  bootId?: string | null
  /** The holder's start time in clock ticks since boot; absent when unknown. */
  startTicks?: number | null
}

/** The holder refreshes its lock file's time this often… */
export const HEARTBEAT_MS = 5_000
/** …so a lock whose holder cannot be checked is stale once its time is this old. */
export const STALE_AFTER_MS = 30_000

export function thisHolder(command: string): LockHolder {
  return { pid: process.pid, command, since: new Date().toISOString(), host: hostname(), bootId: currentBootId(), startTicks: processStartTicks(process.pid) }
}

/**
 * Whether `holder` may still be running. `heartbeatAgeMs` is how long ago the lock file was last
 * refreshed: the only evidence for a holder on another host, or one whose identity is unknown.
 */
export function isHolderAlive(holder: LockHolder, heartbeatAgeMs: number): boolean {
  const fresh = heartbeatAgeMs < STALE_AFTER_MS
  if (holder.host !== hostname()) return fresh
  const bootId = currentBootId()
  if (holder.bootId && bootId) {
    if (holder.bootId !== bootId) return false // written before this machine last booted
  }
  const recordedStart = holder.startTicks ?? null
  if (holder.pid === process.pid) {
    // This pid is ours: the holder is this very process only if it started when we did.
    const ourStart = processStartTicks(process.pid)
    return recordedStart !== null && ourStart !== null ? recordedStart === ourStart : fresh
  }
  if (!pidExists(holder.pid)) return false
  const actualStart = processStartTicks(holder.pid)
  if (recordedStart !== null && actualStart !== null) return recordedStart === actualStart
  return true
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
