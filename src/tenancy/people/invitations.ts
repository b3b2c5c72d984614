import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { Role } from '../../platform/db/tables/people.ts'

export interface InvitationDto { id: string; role: Role; email: string | null; createdAt: string; expiresAt: string; usedAt: string | null; revokedAt: string | null }

/** The workspace's invitations, newest first (the link itself is shown only when created). */
export async function listInvitations(db: Kysely<DB>, workspaceId: string): Promise<InvitationDto[]> {
  const rows = await db
    .selectFrom('access_links')
    .select(['id', 'role', 'email', 'created_at', 'expires_at', 'used_at', 'revoked_at'])
    .where('workspace_id', '=', workspaceId)
    .where('purpose', '=', 'invitation')
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute()
  return rows.map((r) => ({
    id: r.id, role: r.role ?? 'viewer', email: r.email, createdAt: r.created_at.toISOString(), expiresAt: r.expires_at.toISOString(),
    usedAt: r.used_at?.toISOString() ?? null, revokedAt: r.revoked_at?.toISOString() ?? null,
  }))
}
