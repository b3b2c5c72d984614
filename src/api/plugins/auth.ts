import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { Scope } from '../../platform/db/tables/api-keys.ts'
import { authenticateKey, type KeyIdentity } from '../../tenancy/workspaces/service.ts'
import { authenticateSession, type SessionIdentity } from '../../tenancy/people/sessions.ts'
import { ROLE_SCOPE } from '../../tenancy/people/roles.ts'
import { AppError } from '../../platform/shared/errors.ts'
import { createAuthThrottle, type AuthThrottle } from '../auth-throttle.ts'
import { checkCsrf, SESSION_COOKIE } from './session-cookie.ts'

/** Who is asking: a key, or a session (then `session` is set and `keyId` reads `session:<id>`). */
export interface RequestIdentity extends KeyIdentity { session?: SessionIdentity }

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on every /v1 request once its key or session is verified. */
    auth: RequestIdentity
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

/**
 * Verifies `Authorization: Bearer <key>` (machines) or the session cookie (people) on routes that
 * declare a scope. A key wins when both are sent. Failed attempts are throttled per address.
 */
export const authPlugin = fp<{ db: Kysely<DB>; throttle?: AuthThrottle }>(
  async (app, { db, throttle = createAuthThrottle(DEFAULT_AUTH_THROTTLE) }) => {
    app.decorateRequest('auth', null as unknown as RequestIdentity)
    app.addHook('onRequest', async (request: FastifyRequest, reply) => {
      const needed = request.routeOptions.config?.scope
      if (!needed) return
      const wait = throttle.blockedFor(request.ip)
      if (wait > 0) {
        reply.header('retry-after', String(wait))
        throw new AppError('rate_limited', `Too many failed authentications from this address; try again in ${wait} s.`)
      }
      const presented = bearerToken(request.headers.authorization)
      if (presented) {
        const identity = await authenticateKey(db, presented)
        if (!identity) {
          throttle.failed(request.ip)
          throw new AppError('unauthorized', 'The API key is unknown or has been revoked.')
        }
        request.auth = identity
        if (!hasScope(identity.scopes, needed))
          throw new AppError('forbidden', `This action needs the "${needed}" scope; the key has: ${identity.scopes.join(', ')}.`)
        return
      }
      const cookie = request.cookies?.[SESSION_COOKIE]
      if (!cookie) throw new AppError('unauthorized', 'Send an API key as "Authorization: Bearer <key>", or sign in.')
      const session = await authenticateSession(db, cookie)
      // Not counted as a failed authentication: a browser keeps its cookie after the session ends
      // (signed out elsewhere, expired), and session tokens are too long to guess.
      if (!session) throw new AppError('unauthorized', 'The session has ended or was signed out; sign in again.')
      checkCsrf(request, session.csrfToken)
      const scope = ROLE_SCOPE[session.role]
      request.auth = { keyId: `session:${session.sessionId}`, workspaceId: session.workspaceId, scopes: [scope], session }
      if (session.topicId && !visitorMayOpen(request, session.topicId))
        throw new AppError('forbidden', 'This link opens one topic only, read-only.')
      if (!hasScope([scope], needed))
        throw new AppError('forbidden', `This action needs the "${needed}" scope; your role (${session.role}) gives "${scope}".`)
    })
  },
  { name: 'auth' },
)

/**
 * Whether the key or session a request came with still stands, with the scope its route needs:
 * a response that lasts (a live stream) asks again now and then, so it does not outlive a
 * revocation. A key revoked by another process is seen once the key cache lets it go.
 */
export async function stillAuthorized(db: Kysely<DB>, request: FastifyRequest): Promise<boolean> {
  const needed = request.routeOptions.config?.scope ?? 'read'
  const presented = bearerToken(request.headers.authorization)
  if (presented) {
    const identity = await authenticateKey(db, presented)
    return identity !== null && identity.keyId === request.auth.keyId && hasScope(identity.scopes, needed)
  }
  const cookie = request.cookies?.[SESSION_COOKIE]
  const session = cookie ? await authenticateSession(db, cookie) : null
  return session !== null && session.sessionId === request.auth.session?.sessionId && hasScope([ROLE_SCOPE[session.role]], needed)
}

/** A visitor through a digest link reads that topic and their own session. */
function visitorMayOpen(request: FastifyRequest, topicId: string): boolean {
  const path = request.url.split('?')[0]
  if (path === '/v1/session') return true
  if (request.method !== 'GET') return false
  return path === `/v1/topics/${topicId}` || path.startsWith(`/v1/topics/${topicId}/`)
}

function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
  return match ? match[1] : null
}
