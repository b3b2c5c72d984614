import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import { isProcessAlive } from '../process/identity.ts'

// PGlite must never be opened by two processes: a second writer corrupts the folder. The first
// process writes a lock file naming itself; the next one refuses while that process lives.

export class DataDirBusyError extends Error {
  constructor(readonly dataDir: string, readonly holder: LockHolder) {
    super(
      `The embedded database in ${dataDir} is in use by another relais process ` +
        `(pid ${holder.pid}, "${holder.command}", since ${holder.since}, host ${holder.host}). ` +
        `Stop that process first, or set DATABASE_URL to share a PostgreSQL server between processes.`,
    )
    this.name = 'DataDirBusyError'
  }
}

export interface LockHolder { pid: number; command: string; since: string; host: string }

export interface DataDirLock { release(): void }

export function lockDataDir(dataDir: string, command: string): DataDirLock {
  const dir = resolve(dataDir)
  mkdirSync(dir, { recursive: true })
  const path = join(dir, 'relais.lock')
  const me: LockHolder = { pid: process.pid, command, since: new Date().toISOString(), host: hostname() }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, JSON.stringify(me))
      closeSync(fd)
      let released = false
      return {
        release() {
          if (released) return
          released = true
          rmSync(path, { force: true })
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = readHolder(path)
      if (holder && isProcessAlive(holder.host, holder.pid)) throw new DataDirBusyError(dir, holder)
      rmSync(path, { force: true }) // left behind by a process that died
    }
  }
  throw new Error(`Could not take the lock ${path}`)
}

function readHolder(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder
  } catch {
    return null
  }
}
