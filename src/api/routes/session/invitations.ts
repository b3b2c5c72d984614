import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { DB } from '../../../platform/db/schema.ts'
import { problemResponses } from '../../problem.ts'
import { notFound } from '../../../platform/shared/errors.ts'
import { createdInvitationSchema, invitationInputSchema, invitationPageSchema } from '../../../tenancy/people/dto.ts'
import { listInvitations } from '../../../tenancy/people/invitations.ts'
import { revokeLink } from '../../../tenancy/people/links.ts'
import type { PeopleService } from '../../../tenancy/people/service.ts'

const tags = ['session']
const params = z.object({ id: z.string().max(64).describe('Invitation id') })

/** Invitations by link (admin): the link is shown once, when created. */
export const invitationRoutes: FastifyPluginAsyncZod<{ people: PeopleService; db: Kysely<DB>; publicUrl?: string }> = async (app, { people, db, publicUrl }) => {
  app.get('/invitations', {
    config: { scope: 'admin' },
    schema: { operationId: 'listInvitations', tags, summary: 'The workspace\'s invitations (admin)', response: { 200: invitationPageSchema, ...problemResponses(401, 403, 429, 503) } },
  }, async (req) => ({ items: await listInvitations(db, req.auth.workspaceId) }))

  app.post('/invitations', {
    config: { scope: 'admin' },
    schema: { operationId: 'createInvitation', tags, summary: 'Invite someone to the workspace with a role (admin)', body: invitationInputSchema, response: { 201: createdInvitationSchema, ...problemResponses(400, 401, 403, 413, 415, 429, 503) } },
  }, async (req, reply) => {
    const link = await people.createInvitation(req.auth.workspaceId, req.body.role, req.body.email)
    const base = publicUrl?.replace(/\/$/, '') ?? `${req.protocol}://${req.host}`
    return reply.status(201).send({
      id: link.id, role: req.body.role, email: req.body.email?.toLowerCase() ?? null, createdAt: new Date().toISOString(), expiresAt: link.expiresAt.toISOString(),
      usedAt: null, revokedAt: null, url: `${base}/invite#${link.token}`,
    })
  })

  app.delete('/invitations/:id', {
    config: { scope: 'admin' },
    schema: { operationId: 'revokeInvitation', tags, summary: 'Revoke an invitation (admin)', params, response: { 204: z.null(), ...problemResponses(401, 403, 404, 429, 503) } },
  }, async (req, reply) => {
    if (!(await revokeLink(db, req.auth.workspaceId, req.params.id, 'invitation'))) throw notFound('The invitation')
    return reply.status(204).send(null)
  })
}
