import type { FastifyInstance } from 'fastify'

/** Starts the app on HOST:PORT and returns the base URL people can open (IPv6 hosts bracketed). */
export async function listen(app: FastifyInstance, http: { host: string; port: number }): Promise<string> {
  await app.listen({ host: http.host, port: http.port })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : http.port
  return `http://${http.host.includes(':') ? `[${http.host}]` : http.host}:${port}`
}
