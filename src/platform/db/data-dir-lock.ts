import { linkSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'
import { HEARTBEAT_MS, isHolderAlive, STALE_AFTER_MS, thisHolder, type LockHolder } from './lock-holder.ts'

export type { LockHolder } from './lock-holder.ts'

// PGlite must never be opened by two processes: a second writer corrupts the folder. The lock
// file appears whole or not at all: it is written under a private name, then hard-linked to
// `relais.lock`, which fails if the name exists (so two processes starting together cannot both
// win, and nobody reads a half-written lock). A dead holder's lock is taken over under a second
// lock, so two processes replacing it at once cannot remove each other's fresh lock.

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

export interface DataDirLock { readonly dataDir: string; release(): void }

const ATTEMPTS = 20

export function lockDataDir(dataDir: string, command: string): DataDirLock {
  const dir = resolve(dataDir)
  mkdirSync(dir, { recursive: true })
  const path = join(dir, 'relais.lock')
  const me = thisHolder(command)
  const draft = join(dir, `.relais.lock.${process.pid}.${randomBytes(6).toString('hex')}`)
  writeFileSync(draft, JSON.stringify(me), { mode: 0o644 })
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (tryLink(draft, path)) return heldLock(dir, path)
      const seen = readLock(path)
      if (!seen) continue // removed between our link and our read: try again
      if (isHolderAlive(seen.holder, Date.now() - seen.mtimeMs)) throw new DataDirBusyError(dir, seen.holder)
      if (!removeStaleLock(dir, path, seen.text)) pause(25) // another process is taking it over
    }
  } finally {
    rmSync(draft, { force: true })
  }
  const seen = readLock(path)
  if (seen) throw new DataDirBusyError(dir, seen.holder)
  throw new Error(`Could not take the lock ${path}`)
}

function heldLock(dataDir: string, path: string): DataDirLock {
  // Refreshing the file's time is what tells a process on another host that this one still runs.
  const heartbeat = setInterval(() => {
    try {
      const now = new Date()
      utimesSync(path, now, now)
    } catch { /* the folder went away: nothing to refresh */ }
  }, HEARTBEAT_MS)
  heartbeat.unref()
  let released = false
  return {
    dataDir,
    release() {
      if (released) return
      released = true
      clearInterval(heartbeat)
      rmSync(path, { force: true })
    },
  }
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

interface SeenLock { text: string; holder: LockHolder; mtimeMs: number }

function readLock(path: string): SeenLock | null {
  let text: string
  let mtimeMs: number
  try {
    mtimeMs = statSync(path).mtimeMs
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  return { text, mtimeMs, holder: parseHolder(text) }
}

/** A lock that does not parse (an older version's, cut short) names an unknown holder on no host. */
function parseHolder(text: string): LockHolder {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>
    if (typeof value.pid === 'number' && typeof value.host === 'string') {
      return { pid: value.pid, host: value.host, command: String(value.command ?? 'unknown'), since: String(value.since ?? 'unknown'), bootId: value.bootId ?? null, startTicks: value.startTicks ?? null }
    }
  } catch { /* judged by its age below */ }
  return { pid: 0, host: 'unknown', command: 'unknown', since: 'unknown' }
}

/** Removes the lock only if it still holds what was judged stale, one remover at a time. */
function removeStaleLock(dir: string, path: string, staleText: string): boolean {
  const guard = join(dir, 'relais.lock.takeover')
  const draft = `${guard}.${process.pid}.${randomBytes(6).toString('hex')}`
  writeFileSync(draft, String(process.pid))
  try {
    if (!tryLink(draft, guard)) {
      // Another process is taking over; its guard outlives it only if it died doing so.
      const age = guardAge(guard)
      if (age !== null && age > STALE_AFTER_MS) rmSync(guard, { force: true })
      return false
    }
    try {
      const now = readLock(path)
      if (now && now.text === staleText) rmSync(path, { force: true })
    } finally {
      rmSync(guard, { force: true })
    }
    return true
  } finally {
    rmSync(draft, { force: true })
  }
}

/** Taking a lock is synchronous (it runs before anything else opens the folder): so is the wait. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

function guardAge(path: string): number | null {
  try {
    return Date.now() - statSync(path).mtimeMs
  } catch {
    return null
  }
}
