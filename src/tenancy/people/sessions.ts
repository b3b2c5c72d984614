import { randomBytes } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { Role } from '../../platform/db/tables/people.ts'
import { hashToken, newToken, TOKEN_PATTERN } from './tokens.ts'
import type { Db } from '../../platform/db/db-handle.ts'


/** A signed-in person's session lasts this long from sign-in, whatever the activity. */
export const SESSION_LIFETIME_MS = 14 * 24 * 3600_000

export interface SessionIdentity {
  sessionId: string
  personId: string | null
  workspaceId: string
  role: Role
  /** Set for a read-only visitor through a digest link: the one topic they may read. */
  topicId: string | null
  csrfToken: string
  expiresAt: Date
}

export interface NewSession {
  personId: string | null
  workspaceId: string
  role: Role
  topicId?: string | null
  linkId?: string | null
  expiresAt?: Date
}

/** Creates a session; the returned token goes into the cookie and is never stored in clear. */
export async function createSession(db: Db, input: NewSession, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const { token, hash } = newToken()
  const expiresAt = input.expiresAt ?? new Date(now.getTime() + SESSION_LIFETIME_MS)
  await db
    .insertInto('web_sessions')
    .values({
      token_hash: hash, person_id: input.personId, workspace_id: input.workspaceId, role: input.role,
      topic_id: input.topicId ?? null, link_id: input.linkId ?? null, csrf_token: randomBytes(24).toString('base64url'),
      expires_at: expiresAt, revoked_at: null,
    })
    .execute()
  return { token, expiresAt }
}

/**
 * The live session behind a cookie, or null when unknown, expired or revoked. A member's role is
 * read from the membership each time, so a changed or removed membership applies at once; a
 * visitor's session ends with the link it came through.
 */
export async function authenticateSession(db: Db, token: string, now = new Date()): Promise<SessionIdentity | null> {
  if (!TOKEN_PATTERN.test(token)) return null
  const row = await db
    .selectFrom('web_sessions as s')
    .leftJoin('memberships as m', (join) => join.onRef('m.person_id', '=', 's.person_id').onRef('m.workspace_id', '=', 's.workspace_id'))
    .leftJoin('access_links as l', 'l.id', 's.link_id')
    .select(['s.id', 's.person_id', 's.workspace_id', 's.role', 's.topic_id', 's.csrf_token', 's.expires_at', 's.revoked_at', 'm.role as member_role', 'l.revoked_at as link_revoked_at'])
    .where('s.token_hash', '=', hashToken(token))
    .executeTakeFirst()
  if (!row || row.revoked_at || row.expires_at <= now || row.link_revoked_at) return null
  const role = row.person_id ? row.member_role : row.role
  if (!role) return null
  return { sessionId: row.id, personId: row.person_id, workspaceId: row.workspace_id, role, topicId: row.topic_id, csrfToken: row.csrf_token, expiresAt: row.expires_at }
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.updateTable('web_sessions').set({ revoked_at: new Date() }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute()
}

/** Sign-out everywhere: every session of this person ends. */
export async function endEverySession(db: Db, personId: string): Promise<number> {
  const ended = await db.updateTable('web_sessions').set({ revoked_at: new Date() }).where('person_id', '=', personId).where('revoked_at', 'is', null).returning('id').execute()
  return ended.length
}

/** Moves a member's session to another of their workspaces (role comes from that membership). */
export async function switchWorkspace(db: Db, sessionId: string, workspaceId: string, role: Role): Promise<void> {
  await db.updateTable('web_sessions').set({ workspace_id: workspaceId, role }).where('id', '=', sessionId).execute()
}
