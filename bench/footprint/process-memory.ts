// Resident memory of another process, as the kernel accounts it (Linux /proc).
import { readFileSync } from 'node:fs'
import { TICKS_PER_SECOND } from '../shared/measure.ts'

export interface ProcessMemory {
  /** VmRSS: resident now (the worker threads, PGlite's included, live in the same process). */
  rss: number
  /** VmHWM: the largest VmRSS the process has had. */
  peak: number
}

export function processMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)
    if (!match) throw new Error(`${field} missing from /proc/${pid}/status`)
    return Number(match[1]) * 1024
  }
  return { rss: kib('VmRSS'), peak: kib('VmHWM') }
}

/**
 * CPU seconds the process has used, its threads included, plus those of the children it has
 * waited for (utime, stime, cutime, cstime of /proc/<pid>/stat): steadier than wall time on a
 * busy machine.
 */
export function processCpuWithChildren(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / TICKS_PER_SECOND
}
