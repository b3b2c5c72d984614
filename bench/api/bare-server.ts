import Fastify, { type FastifyInstance } from 'fastify'

/**
 * The baseline: a bare Fastify route that returns a constant body (the real route's answer,
 * captured once), serialised per request as Fastify does without a schema. No auth, no database,
 * no validation: what the real route costs above this is the API's own work.
 *
 * With `bytes`, the constant is sent as the bytes of its JSON instead (no serialisation at all):
 * the least any route sending this body can cost, for reading the ratio once the real route sends
 * pages it keeps serialised.
 */
export async function startBareServer(body: unknown, { bytes = false } = {}): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false })
  const json = Buffer.from(JSON.stringify(body))
  app.get('/v1/topics/:id/influencers', bytes ? async (_req, reply) => reply.type('application/json; charset=utf-8').send(json) : async () => body)
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  return { app, url }
}
