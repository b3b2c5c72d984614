import { buildApp } from '../src/api/app.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { createMetrics } from '../src/platform/observability/metrics.ts'

/** The OpenAPI document as the routes describe it, serialised the way it is committed. */
export async function renderOpenApiDocument(): Promise<string> {
  const database = await openDatabase({ dataDir: ':memory:', command: 'openapi' })
  try {
    const app = await buildApp({ db: database.db, metrics: createMetrics(), bodyLimit: 1024 * 1024, rateLimitPerMinute: 600 })
    await app.ready()
    const document = app.swagger()
    await app.close()
    return `${JSON.stringify(document, null, 2)}\n`
  } finally {
    await database.close()
  }
}
