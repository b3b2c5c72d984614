import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { processCpuSeconds } from '../shared/measure.ts'

// Where the cores went during a load run: this process (the server), the PostgreSQL backends
// serving it, and the whole machine (the rest is mostly the load generator).

export interface CpuSample { at: number; machineBusy: number; machineTotal: number; server: number; backends: Map<number, number> }
export interface CpuShares { serverCores: number; backendCores: number; machineCores: number; cores: number }

function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
  const total = fields.reduce((sum, n) => sum + n, 0)
  const idle = fields[3] + (fields[4] ?? 0)
  return { busy: total - idle, total }
}

function processSeconds(pid: number): number | null {
  try {
    return processCpuSeconds(pid)
  } catch {
    return null // gone, or not visible
  }
}

export function sampleCpu(backendPids: readonly number[]): CpuSample {
  const { busy, total } = machineTicks()
  const usage = process.cpuUsage()
  const backends = new Map<number, number>()
  for (const pid of backendPids) {
    const seconds = processSeconds(pid)
    if (seconds !== null) backends.set(pid, seconds)
  }
  return { at: performance.now(), machineBusy: busy, machineTotal: total, server: (usage.user + usage.system) / 1e6, backends }
}

/** Average cores used between two samples by each party. */
export function cpuShares(from: CpuSample, to: CpuSample): CpuShares {
  const wall = (to.at - from.at) / 1000
  const cores = cpus().length
  let backend = 0
  for (const [pid, seconds] of to.backends) backend += seconds - (from.backends.get(pid) ?? seconds)
  const machine = ((to.machineBusy - from.machineBusy) / Math.max(1, to.machineTotal - from.machineTotal)) * cores
  return { serverCores: (to.server - from.server) / wall, backendCores: backend / wall, machineCores: machine, cores }
}
