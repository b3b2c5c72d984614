// The embedded database's thread: PGlite runs here, so a long query never stalls the service's
// event loop (health checks, other requests). Plain JavaScript, so the thread starts without a
// TypeScript loader. Messages: {id, sql, params} → {id, rows, affectedRows} or {id, error}.
// With workerData.createOnly, the thread creates the data folder, closes it and ends: creating a
// folder (initdb) leaves hundreds of MiB of WebAssembly memory behind in the thread that ran it,
// which only ending the thread gives back (see pglite-thread-client.ts).
import { PGlite } from '@electric-sql/pglite'
import { parentPort, workerData } from 'node:worker_threads'

const INT8_OID = 20

// Settings for a small service rather than PostgreSQL's defaults. PGlite's shared memory lives
// in its WebAssembly heap and is touched at start, so shared_buffers counts in full in resident
// memory: 128MB (the default) holds ~310 MiB at rest, 32MB ~180 MiB (bench/footprint). Pages
// beyond it are still cached by the operating system. maintenance_work_mem bounds index builds.
const SETTINGS = ['shared_buffers=32MB', 'maintenance_work_mem=32MB']

const pglite = await PGlite.create(workerData.dataDir ?? undefined, {
  startParams: [...PGlite.defaultStartParams, ...SETTINGS.flatMap((setting) => ['-c', setting])],
  // bigint columns (ids, counts) as numbers, as the PostgreSQL driver is configured.
  parsers: { [INT8_OID]: (value) => Number(value) },
})

if (workerData.createOnly) {
  await pglite.close()
  parentPort.postMessage({ created: true })
} else {
  parentPort.on('message', async (message) => {
    if (message.close) {
      await pglite.close()
      parentPort.postMessage({ id: message.id, closed: true })
      return
    }
    try {
      const result = await pglite.query(message.sql, message.params)
      parentPort.postMessage({ id: message.id, rows: result.rows, affectedRows: result.affectedRows })
    } catch (error) {
      parentPort.postMessage({ id: message.id, error: describe(error) })
    }
  })
  parentPort.postMessage({ ready: true })
}

/** An error as plain data: message plus PostgreSQL's fields (code, detail, constraint…). */
function describe(error) {
  const fields = { message: error instanceof Error ? error.message : String(error) }
  if (error && typeof error === 'object') {
    for (const [key, value] of Object.entries(error)) {
      if (typeof value === 'string' || typeof value === 'number') fields[key] = value
    }
  }
  return fields
}
