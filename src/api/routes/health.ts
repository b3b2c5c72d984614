import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { ping } from '../../db/database.ts'
import { pendingMigrations } from '../../db/migrator.ts'
import type { DB } from '../../db/schema.ts'
import type { Metrics } from '../../observability/metrics.ts'

const readiness = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    database: z.enum(['up', 'down']),
    pendingMigrations: z.array(z.string()),
  })
  .meta({ id: 'Readiness', example: { status: 'ready', database: 'up', pendingMigrations: [] } })
const tags = ['operations']

/** Probes for orchestrators and the Prometheus endpoint. Public: they reveal nothing of the data. */
export const healthRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; metrics: Metrics }> = async (app, { db, metrics }) => {
  app.get('/healthz', {
    schema: { operationId: 'health', tags, summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }))

  app.get('/readyz', {
    schema: { operationId: 'readiness', tags, summary: 'The database is reachable and migrated', response: { 200: readiness, 503: readiness } },
  }, async (_req, reply) => {
    const up = await ping(db)
    const pending = up ? await pendingMigrations(db).catch(() => null) : null
    const ready = up && pending !== null && pending.length === 0
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', database: up && pending ? 'up' : 'down', pendingMigrations: pending ?? [] })
  })

  app.get('/metrics', {
    schema: { operationId: 'metrics', tags, summary: 'Prometheus metrics', produces: ['text/plain'], response: { 200: z.string() } },
  }, async (_req, reply) => reply.type(metrics.registry.contentType).serializer((s) => s as string).send(await metrics.registry.metrics()))
}
