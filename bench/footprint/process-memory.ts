// Resident memory of another process, as the kernel accounts it (Linux /proc).
import { readFileSync } from 'node:fs'

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
