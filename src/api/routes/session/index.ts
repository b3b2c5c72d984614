import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemResponses } from '../../problem.ts'
import { AppError } from '../../../platform/shared/errors.ts'
import { checkOrigin, clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../plugins/session-cookie.ts'
import { acceptInvitationSchema, linkOpenedSchema, openLinkSchema, sessionSchema, setupSchema, setupStatusSchema, signInSchema, switchWorkspaceSchema } from '../../../tenancy/people/dto.ts'
import type { PeopleService } from '../../../tenancy/people/service.ts'
import type { FastifyReply, FastifyRequest } from 'fastify'

const tags = ['session']
// Guessing passwords or link secrets is slowed to a few tries a minute per address.
const strict = { rateLimit: { max: 10, timeWindow: 60_000 } }

/** People: sign in and out, first-run setup, invitations and links that start a session. */
export const sessionRoutes: FastifyPluginAsyncZod<{ people: PeopleService }> = async (app, { people }) => {
  const started = async (req: FastifyRequest, reply: FastifyReply, session: { token: string; expiresAt: Date }) => {
    setSessionCookie(req, reply, session.token, session.expiresAt)
    return people.resume(session.token)
  }

  app.post('/session', {
    config: strict,
    schema: { operationId: 'signIn', tags, summary: 'Sign in with email and password (sets the session cookie)', body: signInSchema, response: { 200: sessionSchema, ...problemResponses(400, 401, 403, 413, 415, 429, 503) } },
  }, async (req, reply) => {
    checkOrigin(req)
    return started(req, reply, await people.signIn(req.body.email, req.body.password))
  })

  app.get('/session', {
    config: { scope: 'read' },
    schema: { operationId: 'getSession', tags, summary: 'Who is signed in, in which workspace, with which role', response: { 200: sessionSchema, ...problemResponses(401, 403, 404, 429, 503) } },
  }, (req) => (req.auth.session ? people.describe(req.auth.session) : people.describeKey(req.auth.workspaceId, req.auth.scopes)))

  app.delete('/session', {
    config: { scope: 'read' },
    schema: { operationId: 'signOut', tags, summary: 'Sign out of this browser', response: { 204: z.null(), ...problemResponses(401, 403, 404, 429, 503) } },
  }, async (req, reply) => {
    await people.signOut(ownSession(req))
    clearSessionCookie(req, reply)
    return reply.status(204).send(null)
  })

  app.delete('/session/all', {
    config: { scope: 'read' },
    schema: { operationId: 'signOutEverywhere', tags, summary: 'End every session of the signed-in person', response: { 204: z.null(), ...problemResponses(401, 403, 404, 429, 503) } },
  }, async (req, reply) => {
    await people.signOutEverywhere(ownSession(req))
    clearSessionCookie(req, reply)
    return reply.status(204).send(null)
  })

  app.put('/session/workspace', {
    config: { scope: 'read' },
    schema: { operationId: 'switchWorkspace', tags, summary: 'Work in another of one\'s workspaces', body: switchWorkspaceSchema, response: { 200: sessionSchema, ...problemResponses(400, 401, 403, 404, 413, 415, 429, 503) } },
  }, async (req) => {
    await people.switchWorkspace(ownSession(req), req.body.workspaceId)
    return people.resume(req.cookies[SESSION_COOKIE] ?? '')
  })

  app.post('/session/links', {
    config: strict,
    schema: { operationId: 'openLink', tags, summary: 'Open a demo sign-in link or a digest\'s read-only link', body: openLinkSchema, response: { 200: linkOpenedSchema, ...problemResponses(400, 401, 403, 413, 415, 422, 429, 503) } },
  }, async (req, reply) => {
    checkOrigin(req)
    const opened = await people.openLink(req.body.token)
    return { session: await started(req, reply, opened), redirectTo: opened.redirectTo }
  })

  app.get('/setup', {
    schema: { operationId: 'getSetupStatus', tags, summary: 'Whether the first admin still has to be created', response: { 200: setupStatusSchema, ...problemResponses(401, 403, 429, 503) } },
  }, async () => ({ needed: await people.setupNeeded() }))

  app.post('/setup', {
    config: strict,
    schema: { operationId: 'completeSetup', tags, summary: 'Create the first admin and workspace (one-time link from `relais serve`)', body: setupSchema, response: { 200: sessionSchema, ...problemResponses(400, 401, 403, 413, 415, 422, 429, 503) } },
  }, async (req, reply) => {
    checkOrigin(req)
    return started(req, reply, await people.setup(req.body))
  })

  app.post('/invitations/accept', {
    config: strict,
    schema: { operationId: 'acceptInvitation', tags, summary: 'Join a workspace through an invitation link', body: acceptInvitationSchema, response: { 200: sessionSchema, ...problemResponses(400, 401, 403, 413, 415, 422, 429, 503) } },
  }, async (req, reply) => {
    checkOrigin(req)
    return started(req, reply, await people.acceptInvitation(req.body))
  })
}

function ownSession(req: FastifyRequest) {
  if (!req.auth.session) throw new AppError('not_found', 'This request carries an API key, not a session.')
  return req.auth.session
}
