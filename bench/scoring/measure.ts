import { loadavg } from 'node:os'

export interface Timed<T> {
  value: T
  /** Wall-clock seconds. */
  seconds: number
  /** CPU seconds of this process (user + system): less skewed than wall time when other jobs share the cores. */
  cpuSeconds: number
}

/** Runs `work` once and returns its result with the elapsed wall-clock and CPU seconds. */
export function timed<T>(work: () => T): Timed<T> {
  const cpuStart = process.cpuUsage()
  const started = performance.now()
  const value = work()
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuStart)
  return { value, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 }
}

/** "1.234 s (cpu 1.200 s)" */
export const wallCpu = (run: { seconds: number; cpuSeconds: number }): string =>
  `${secs(run.seconds)} (cpu ${secs(run.cpuSeconds)})`

/** Peak resident set size of this process so far, in bytes. */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024
}

export function currentRssBytes(): number {
  return process.memoryUsage().rss
}

export const secs = (seconds: number): string => `${seconds.toFixed(3)} s`
export const ratio = (value: number): string => `${value.toFixed(2)}×`

/** Other work on the machine skews timings; the load average says how much there was. */
export function loadNote(): string {
  const [one, five] = loadavg()
  return `load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min)`
}

export function line(label: string, value: string): void {
  console.log(`  ${label.padEnd(44)} ${value}`)
}

export function heading(title: string): void {
  console.log(`\n== ${title}  [${loadNote()}]`)
}

