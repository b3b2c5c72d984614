import { z } from 'zod'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { Role } from '../../platform/db/tables/people.ts'
import { AppError, notFound } from '../../platform/shared/errors.ts'
import { isUuid } from '../../platform/shared/ids.ts'
import { roleSchema } from './dto.ts'

export const memberSchema = z.object({
  personId: z.string(), name: z.string(), email: z.string(), role: roleSchema, since: z.iso.datetime(),
}).meta({ id: 'Member', example: { personId: '0f7c1f7e-1d2b-4d8a-9c11-3e2f1a0b9c44', name: 'Ana', email: 'ana@velocite.example', role: 'editor', since: '2026-11-02T09:00:00.000Z' } })
export const memberListSchema = z.object({ items: z.array(memberSchema) }).meta({ id: 'MemberList', example: { items: [] } })
export const memberPatchSchema = z.strictObject({ role: roleSchema }).meta({ id: 'MemberChanges', example: { role: 'viewer' } })
export type Member = z.infer<typeof memberSchema>

/** At most this many members are listed (a workspace is a team, not a crowd). */
const MAX_MEMBERS = 500

/**
 * The people of a workspace and their roles (admin only). A workspace always keeps one admin; a
 * new role or a removal applies to the person's open sessions at once.
 */
export function createMemberService(db: Kysely<DB>) {
  /** Changes one membership inside a transaction that has locked the workspace's admins. */
  const change = async (workspaceId: string, personId: string, next: Role | null): Promise<Member | null> => {
    if (!isUuid(personId)) throw notFound('The member')
    return db.transaction().execute(async (trx) => {
      const admins = await trx.selectFrom('memberships').select('person_id').where('workspace_id', '=', workspaceId).where('role', '=', 'admin').forUpdate().execute()
      const current = await trx.selectFrom('memberships').select('role').where('workspace_id', '=', workspaceId).where('person_id', '=', personId).forUpdate().executeTakeFirst()
      if (!current) throw notFound('The member')
      if (current.role === 'admin' && next !== 'admin' && admins.length <= 1)
        throw new AppError('conflict', 'This is the workspace\'s last admin: make someone else admin first.')
      if (next === null) {
        await trx.deleteFrom('memberships').where('workspace_id', '=', workspaceId).where('person_id', '=', personId).execute()
        await trx.updateTable('web_sessions').set({ revoked_at: new Date() }).where('workspace_id', '=', workspaceId).where('person_id', '=', personId).where('revoked_at', 'is', null).execute()
        return null
      }
      await trx.updateTable('memberships').set({ role: next }).where('workspace_id', '=', workspaceId).where('person_id', '=', personId).execute()
      await trx.updateTable('web_sessions').set({ role: next }).where('workspace_id', '=', workspaceId).where('person_id', '=', personId).execute()
      return (await list(trx, workspaceId, personId))[0]
    })
  }
  const list = async (q: Pick<Kysely<DB>, 'selectFrom'>, workspaceId: string, personId?: string): Promise<Member[]> => {
    let query = q.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['p.id', 'p.name', 'p.email', 'm.role', 'm.created_at']).where('m.workspace_id', '=', workspaceId)
    if (personId) query = query.where('p.id', '=', personId)
    const rows = await query.orderBy('p.name').orderBy('p.id').limit(MAX_MEMBERS).execute()
    return rows.map((r) => ({ personId: r.id, name: r.name, email: r.email, role: r.role, since: r.created_at.toISOString() }))
  }
  return {
    list: (workspaceId: string) => list(db, workspaceId),
    setRole: async (workspaceId: string, personId: string, role: Role) => (await change(workspaceId, personId, role))!,
    remove: async (workspaceId: string, personId: string) => { await change(workspaceId, personId, null) },
  }
}
export type MemberService = ReturnType<typeof createMemberService>
