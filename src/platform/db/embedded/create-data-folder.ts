import { spawn } from 'node:child_process'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Creates the embedded database's folder when it holds no database yet, in a process of its own
 * that exits once the folder is written. PGlite creates a folder by running initdb beside a
 * second, temporary PostgreSQL; the memory those take (~770 MiB at its peak, against ~180 MiB to
 * open an existing folder, bench/footprint) would otherwise stay with the process for as long as
 * it lives. The folder is written under another name and renamed when complete, so a creation
 * cut short is started again rather than opened half-made.
 */
export async function createDataFolderIfMissing(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return
  const scratch = `${dataDir}.creating`
  rmSync(scratch, { recursive: true, force: true })
  const script = fileURLToPath(new URL('./pglite-create.js', import.meta.url))
  // Plain Node: no loader or flag of this process's (NODE_OPTIONS) is needed to create a folder.
  const child = spawn(process.execPath, [script, scratch], { env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2_000)))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', resolve)
  })
  if (code !== 0) throw new Error(`The embedded database could not be created in ${dataDir} (exit code ${code}). ${stderr.trim()}`)
  renameSync(scratch, dataDir) // over an empty folder, never over one holding anything
}
