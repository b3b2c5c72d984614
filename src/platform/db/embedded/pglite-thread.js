// The embedded database's thread: PGlite runs here, so a long query never stalls the service's
// event loop (health checks, other requests). Plain JavaScript, so the thread starts without a
// TypeScript loader. Messages: {id, sql, params} → {id, rows, affectedRows} or {id, error}.
import { PGlite } from '@electric-sql/pglite'
import { parentPort, workerData } from 'node:worker_threads'
import { pgliteOptions } from './pglite-settings.js'

const pglite = await PGlite.create(workerData.dataDir ?? undefined, pgliteOptions)

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
