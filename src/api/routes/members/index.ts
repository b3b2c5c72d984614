import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { DB } from '../../../platform/db/schema.ts'
import { problemResponses } from '../../problem.ts'
import { createMemberService, memberListSchema, memberPatchSchema, memberSchema } from '../../../tenancy/people/members.ts'

const tags = ['session']
const params = z.object({ personId: z.string().max(64).describe('The member\'s person id') })

/** The workspace's members (admin): list, change a role, remove. New members come by invitation. */
export const memberRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  const members = createMemberService(db)
  app.get('/members', {
    config: { scope: 'admin' },
    schema: { operationId: 'listMembers', tags, summary: 'The people of the workspace and their roles (admin)', response: { 200: memberListSchema, ...problemResponses(401, 403, 429, 503) } },
  }, async (req) => ({ items: await members.list(req.auth.workspaceId) }))

  app.patch('/members/:personId', {
    config: { scope: 'admin' },
    schema: { operationId: 'updateMember', tags, summary: 'Change a member\'s role (admin; the last admin stays admin)', params, body: memberPatchSchema, response: { 200: memberSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 429, 503) } },
  }, (req) => members.setRole(req.auth.workspaceId, req.params.personId, req.body.role))

  app.delete('/members/:personId', {
    config: { scope: 'admin' },
    schema: { operationId: 'removeMember', tags, summary: 'Remove a member and end their sessions in the workspace (admin)', params, response: { 204: z.null(), ...problemResponses(401, 403, 404, 409, 429, 503) } },
  }, async (req, reply) => {
    await members.remove(req.auth.workspaceId, req.params.personId)
    return reply.status(204).send(null)
  })
}
