import { hostname } from 'node:os'

// Names a process across the instances that share one database: `host:pid`. Rows a process
// owns (job runs, claims) carry it, so another process on the same host can tell whether the owner
// still lives.

export const thisProcess = (): string => `${hostname()}:${process.pid}`

/**
 * Whether the process `host`/`pid` still runs. Only a process on this host can be checked; one on
 * another host is assumed alive (its heartbeat tells when it is not).
 */
export function isProcessAlive(host: string, pid: number): boolean {
  if (host !== hostname() || pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** isProcessAlive for a `host:pid` name; a name in another form is assumed alive. */
export function isNamedProcessAlive(name: string): boolean {
  const match = /^(.*):(\d+)$/.exec(name)
  return match ? isProcessAlive(match[1], Number(match[2])) : true
}
