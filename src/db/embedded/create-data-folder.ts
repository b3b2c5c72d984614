import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'

/**
 * Creates the embedded database's folder when it holds no database yet, on a thread of its own
 * that ends once the folder is written. PGlite creates a folder by running initdb beside a
 * second, temporary PostgreSQL, and the memory those leave behind stays with the thread that ran
 * them (~800 MiB against ~180 MiB for opening an existing folder, bench/footprint); ending the
 * thread gives it back, so a first start holds no more at rest than a later one.
 */
export async function createDataFolderIfMissing(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return
  const worker = new Worker(new URL('./pglite-thread.js', import.meta.url), { workerData: { dataDir, createOnly: true }, execArgv: [] })
  await new Promise<void>((resolve, reject) => {
    let created = false
    worker.on('message', (message: { created?: boolean }) => { created ||= message.created === true })
    worker.once('error', (error) => reject(new Error(`The embedded database could not be created: ${error.message}`, { cause: error })))
    worker.once('exit', (code) => (created ? resolve() : reject(new Error(`The embedded database could not be created (exit code ${code}).`))))
  })
}
