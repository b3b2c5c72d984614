import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { lockDataDir, type DataDirLock } from '../../platform/db/data-dir-lock.ts'

/**
 * The demo's folder, emptied for a fresh run — under its lock, taken first: while another demo
 * holds the folder this throws DataDirBusyError and deletes nothing.
 */
export function takeFreshDataDir(dataDir: string, command: string): DataDirLock {
  const lock = lockDataDir(dataDir, command)
  try {
    for (const entry of readdirSync(lock.dataDir)) {
      if (entry === 'relais.lock') continue
      rmSync(join(lock.dataDir, entry), { recursive: true, force: true })
    }
    return lock
  } catch (error) {
    lock.release()
    throw error
  }
}
