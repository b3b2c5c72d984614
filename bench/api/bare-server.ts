import Fastify, { type FastifyInstance } from 'fastify'

/**
 * The baseline: a bare Fastify route that returns a constant body (the real route's answer,
 * captured once), serialised per request as Fastify does without a schema. No auth, no database,
 * no validation: what the real route costs above this is the API's own work.
 */
export async function startBareServer(body: unknown): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false })
  app.get('/v1/topics/:id/influencers', async () => body)
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  return { app, url }
}
