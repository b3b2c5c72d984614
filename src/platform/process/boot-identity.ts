import { readFileSync } from 'node:fs'

// What tells a process apart from an earlier one that had the same pid: the kernel's boot id (a
// process from an earlier boot cannot still run) and the process's start time since boot (a pid
// reused after a crash, such as pid 1 in a restarted container, started later). Both come from
// Linux's /proc; elsewhere they are null and callers fall back to other evidence.

let cachedBootId: string | null | undefined

/** This machine's boot id (shared by the containers on one kernel), or null when unknown. */
export function currentBootId(): string | null {
  if (cachedBootId === undefined) {
    try {
      cachedBootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null
    } catch {
      cachedBootId = null
    }
  }
  return cachedBootId
}

/** When process `pid` started, in clock ticks since boot; null when it is gone or unknown. */
export function processStartTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[19]) // field 22 of the whole line
    return Number.isSafeInteger(ticks) ? ticks : null
  } catch {
    return null
  }
}
