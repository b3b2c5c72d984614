import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema.ts'
import type { Scope } from '../../db/tables/api-keys.ts'
import { authenticateKey, type KeyIdentity } from '../../workspaces/service.ts'
import { AppError } from '../errors.ts'
import { createAuthThrottle, type AuthThrottle } from '../auth-throttle.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on every /v1 request once its key is verified. */
    auth: KeyIdentity
  }
  interface FastifyContextConfig {
    /** The scope a route needs; routes without one are public. */
    scope?: Scope
  }
}

// Scopes nest: admin can do what write can, write what read can.
const RANK: Record<Scope, number> = { read: 0, write: 1, admin: 2 }
export const hasScope = (scopes: Scope[], needed: Scope) => scopes.some((s) => RANK[s] >= RANK[needed])

/** Default: 20 failed authentications per client address per minute. */
export const DEFAULT_AUTH_THROTTLE = { maxFailures: 20, windowMs: 60_000 }

/** Verifies `Authorization: Bearer <key>` on routes that declare a scope; failed attempts are throttled per address. */
export const authPlugin = fp<{ db: Kysely<DB>; throttle?: AuthThrottle }>(
  async (app, { db, throttle = createAuthThrottle(DEFAULT_AUTH_THROTTLE) }) => {
    app.decorateRequest('auth', null as unknown as KeyIdentity)
    app.addHook('onRequest', async (request: FastifyRequest, reply) => {
      const needed = request.routeOptions.config?.scope
      if (!needed) return
      const wait = throttle.blockedFor(request.ip)
      if (wait > 0) {
        reply.header('retry-after', String(wait))
        throw new AppError('rate_limited', `Too many failed authentications from this address; try again in ${wait} s.`)
      }
      const presented = bearerToken(request.headers.authorization)
      if (!presented) throw new AppError('unauthorized', 'Send an API key as "Authorization: Bearer <key>".')
      const identity = await authenticateKey(db, presented)
      if (!identity) {
        throttle.failed(request.ip)
        throw new AppError('unauthorized', 'The API key is unknown or has been revoked.')
      }
      request.auth = identity
      if (!hasScope(identity.scopes, needed))
        throw new AppError('forbidden', `This action needs the "${needed}" scope; the key has: ${identity.scopes.join(', ')}.`)
    })
  },
  { name: 'auth' },
)

function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
  return match ? match[1] : null
}
