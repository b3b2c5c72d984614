import type { FastifyReply, FastifyRequest } from 'fastify'
import { timingSafeEqual } from 'node:crypto'
import { AppError } from '../../platform/shared/errors.ts'

export const SESSION_COOKIE = 'relais_session'
export const SESSION_HINT_COOKIE = 'relais_signed_in'
export const CSRF_HEADER = 'x-csrf-token'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * The cookie is HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs, still
 * sent when a person follows a link to the app), and Secure when the request came over https
 * (directly, or as a proxy says in X-Forwarded-Proto when PUBLIC_URL is https).
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: isHttps(request), expires: expiresAt })
  // A hint the web app can read (it holds no secret): ask for the session only when there may be one.
  reply.setCookie(SESSION_HINT_COOKIE, '1', { path: '/', sameSite: 'lax', secure: isHttps(request), expires: expiresAt })
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: isHttps(request) })
  reply.clearCookie(SESSION_HINT_COOKIE, { path: '/', sameSite: 'lax', secure: isHttps(request) })
}

function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https'
}

/**
 * A write made with a session cookie must carry the session's CSRF token in a header (a page on
 * another site cannot read it, nor set custom headers without CORS), and, when the browser says
 * where it comes from, come from this origin.
 */
export function checkCsrf(request: FastifyRequest, expected: string): void {
  if (SAFE_METHODS.has(request.method)) return
  checkOrigin(request)
  const given = request.headers[CSRF_HEADER]
  const a = Buffer.from(typeof given === 'string' ? given : '')
  const b = Buffer.from(expected)
  if (a.length !== b.length || !timingSafeEqual(a, b))
    throw new AppError('forbidden', `A change made with a session cookie needs the session's CSRF token in the ${CSRF_HEADER} header.`)
}

/** Refuses a request whose Origin header names another site (sign-in, setup and writes). */
export function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin
  if (origin === undefined) return
  const ownHost = request.headers['x-forwarded-host'] ?? request.headers.host
  let same = false
  try {
    const from = new URL(origin)
    // Read the Host header under the origin's scheme so a default port compares equal.
    same = from.host === new URL(`${from.protocol}//${String(ownHost)}`).host
  } catch { same = false }
  if (!same) throw new AppError('forbidden', 'This request comes from another site; it is refused.')
}
