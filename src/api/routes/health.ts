import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { ping } from '../../platform/db/database.ts'
import { pendingMigrations } from '../../platform/db/migrator.ts'
import type { DB } from '../../platform/db/schema.ts'
import type { Metrics } from '../../platform/observability/metrics.ts'
import { AppError } from '../../platform/shared/errors.ts'
import { problemResponses } from '../problem.ts'
import { createHash, timingSafeEqual } from 'node:crypto'

/** Compared through their digests, in constant time: neither the length nor a prefix leaks. */
const sameSecret = (given: string, expected: string) =>
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest())

const readiness = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    database: z.enum(['up', 'down']),
    pendingMigrations: z.array(z.string()),
  })
  .meta({ id: 'Readiness', example: { status: 'ready', database: 'up', pendingMigrations: [] } })
const tags = ['operations']

/**
 * Probes for orchestrators (public: they reveal nothing of the data) and the Prometheus endpoint,
 * which names routes, jobs and their volumes: it asks for the operator's METRICS_TOKEN, and is
 * off (404) without one.
 */
export const healthRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; metrics: Metrics; metricsToken?: string }> = async (app, { db, metrics, metricsToken }) => {
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
    schema: {
      operationId: 'metrics', tags, summary: 'Prometheus metrics (Authorization: Bearer METRICS_TOKEN; without a token set, loopback clients only)', produces: ['text/plain'],
      response: { 200: z.string(), ...problemResponses(401, 404) },
    },
  }, async (req, reply) => {
    // Without a token, only a scraper on this host reads them: the listener may face the internet.
    if (!metricsToken && !isLoopback(req.socket.remoteAddress)) throw new AppError('not_found', 'Metrics answer loopback clients only; the operator opens them to others by setting METRICS_TOKEN.')
    if (metricsToken && !sameSecret(req.headers.authorization ?? '', `Bearer ${metricsToken}`)) throw new AppError('unauthorized', 'Send the operator\'s metrics token as "Authorization: Bearer <METRICS_TOKEN>".')
    return reply.type(metrics.registry.contentType).serializer((s) => s as string).send(await metrics.registry.metrics())
  })
}

function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address === '::1' || /^(::ffff:)?127\./.test(address))
}
