import { buildApp } from '../../api/app.ts'
import { loadConfig } from '../../config/index.ts'
import { openDatabase } from '../../db/database.ts'
import { migrateToLatest } from '../../db/migrator.ts'
import { createMetrics } from '../../observability/metrics.ts'
import type { Io } from '../context.ts'

export const serveUsage = 'relais serve                         run the API (and the scheduler unless SCHEDULER=off)'

/** Runs until SIGINT/SIGTERM, then stops taking requests, lets the ones in flight finish, and closes the database. */
export async function serveCommand(_args: string[], io: Io): Promise<number> {
  const config = loadConfig()
  const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir, command: 'relais serve' })
  let closing = false
  try {
    await migrateToLatest(database.db)
    const app = await buildApp({
      db: database.db,
      metrics: createMetrics(),
      bodyLimit: config.http.bodyLimit,
      rateLimitPerMinute: config.http.rateLimitPerMinute,
      log: { level: config.logLevel },
    })
    await app.listen({ host: config.http.host, port: config.http.port })
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : config.http.port
    const base = `http://${config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host}:${port}`
    io.err(`Relais is listening on ${base} (database: ${database.kind === 'embedded' ? `embedded in ${database.location}` : database.location})`)
    io.err(`API docs: ${base}/docs · readiness: ${base}/readyz`)
    await new Promise<void>((resolve) => {
      const stop = () => {
        if (closing) return
        closing = true
        io.err('Stopping: finishing requests in flight…')
        resolve()
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    await app.close()
    return 0
  } finally {
    await database.close()
  }
}
