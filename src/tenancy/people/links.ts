import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { AccessLinkRow, LinkPurpose, Role } from '../../platform/db/tables/people.ts'
import { isUuid } from '../../platform/shared/ids.ts'
import { hashToken, newToken, TOKEN_PATTERN } from './tokens.ts'
import type { Db } from '../../platform/db/db-handle.ts'


// Which links may be opened once only: the rest (demo sign-in, digest share, unsubscribe) are
// opened as often as needed until they expire or are revoked.
const SINGLE_USE: ReadonlySet<LinkPurpose> = new Set(['setup', 'invitation'])

export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = {
  setup: 24 * 3600_000,
  demo: 7 * 24 * 3600_000,
  invitation: 7 * 24 * 3600_000,
  share: 30 * 24 * 3600_000,
  unsubscribe: 365 * 24 * 3600_000,
}

export interface NewLink {
  purpose: LinkPurpose
  workspaceId?: string | null
  role?: Role | null
  personId?: string | null
  topicId?: string | null
  digestId?: string | null
  email?: string | null
}

export async function createLink(db: Db, input: NewLink, now = new Date()): Promise<{ id: string; token: string; expiresAt: Date }> {
  const { token, hash } = newToken()
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS[input.purpose])
  const row = await db
    .insertInto('access_links')
    .values({
      purpose: input.purpose, token_hash: hash, workspace_id: input.workspaceId ?? null, role: input.role ?? null,
      person_id: input.personId ?? null, topic_id: input.topicId ?? null, digest_id: input.digestId ?? null,
      email: input.email ?? null, expires_at: expiresAt, used_at: null, revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, token, expiresAt }
}

/** The live link of this purpose behind a token, or null (unknown, expired, revoked, already used). */
export async function findLink(db: Db, token: string, purpose: LinkPurpose, now = new Date()): Promise<AccessLinkRow | null> {
  if (!TOKEN_PATTERN.test(token)) return null
  const row = await db.selectFrom('access_links').selectAll().where('token_hash', '=', hashToken(token)).where('purpose', '=', purpose).executeTakeFirst()
  if (!row || row.revoked_at || row.expires_at <= now) return null
  if (SINGLE_USE.has(purpose) && row.used_at) return null
  return row
}

/** Marks a single-use link used; false when another request used it first. */
export async function useLink(db: Db, id: string): Promise<boolean> {
  const used = await db.updateTable('access_links').set({ used_at: new Date() }).where('id', '=', id).where('used_at', 'is', null).returning('id').execute()
  return used.length === 1
}

/** Revokes one live link of this purpose in the workspace; false when there is none. */
export async function revokeLink(db: Db, workspaceId: string, id: string, purpose: LinkPurpose): Promise<boolean> {
  if (!isUuid(id)) return false
  const revoked = await db.updateTable('access_links').set({ revoked_at: new Date() }).where('id', '=', id).where('workspace_id', '=', workspaceId).where('purpose', '=', purpose).where('revoked_at', 'is', null).returning('id').execute()
  return revoked.length === 1
}
