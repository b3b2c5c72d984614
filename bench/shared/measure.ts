// What every bench's figures share.
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`

/** Other work on the machine skews timings; the load average says how much there was. */
export function machineLoad(): string {
  const [one, five, fifteen] = loadavg()
  return `load average ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)} on ${cpus().length} cores`
}

/** Linux clock ticks per second (USER_HZ), the unit of /proc/<pid>/stat times. */
export const TICKS_PER_SECOND = 100

/** utime + stime of a process (fields 14 and 15 of /proc/<pid>/stat, after the command name). */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}
