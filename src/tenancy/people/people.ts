import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { Role } from '../../platform/db/tables/people.ts'
import { decoyHash, hashPassword, verifyPassword } from './password.ts'
import type { Db } from '../../platform/db/db-handle.ts'


export interface Person { id: string; email: string; name: string }
export interface Membership { workspaceId: string; workspaceName: string; role: Role }

export const normalizeEmail = (email: string) => email.trim().toLowerCase()

export async function createPerson(db: Db, input: { email: string; name: string; password: string }): Promise<Person> {
  const row = await db
    .insertInto('people')
    .values({ email: normalizeEmail(input.email), name: input.name.trim(), password_hash: await hashPassword(input.password) })
    .returning(['id', 'email', 'name'])
    .executeTakeFirstOrThrow()
  return row
}

/** The person when the email and password match; null otherwise (same time either way). */
export async function checkCredentials(db: Db, email: string, password: string): Promise<Person | null> {
  const row = await db.selectFrom('people').select(['id', 'email', 'name', 'password_hash']).where('email', '=', normalizeEmail(email)).executeTakeFirst()
  const ok = await verifyPassword(password, row?.password_hash ?? (await decoyHash()))
  return row && ok ? { id: row.id, email: row.email, name: row.name } : null
}

export async function findPerson(db: Db, id: string): Promise<Person | null> {
  return (await db.selectFrom('people').select(['id', 'email', 'name']).where('id', '=', id).executeTakeFirst()) ?? null
}

export async function addMembership(db: Db, personId: string, workspaceId: string, role: Role): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ person_id: personId, workspace_id: workspaceId, role })
    .onConflict((oc) => oc.columns(['person_id', 'workspace_id']).doUpdateSet({ role }))
    .execute()
}

export async function membershipsOf(db: Db, personId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select(['memberships.workspace_id', 'workspaces.name', 'memberships.role'])
    .where('memberships.person_id', '=', personId)
    .orderBy('workspaces.name')
    .limit(500)
    .execute()
  return rows.map((r) => ({ workspaceId: r.workspace_id, workspaceName: r.name, role: r.role }))
}

export async function anyPersonExists(db: Db): Promise<boolean> {
  return (await db.selectFrom('people').select('id').limit(1).executeTakeFirst()) !== undefined
}
