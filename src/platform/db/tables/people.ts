import type { Generated, Selectable } from 'kysely'

export const ROLES = ['viewer', 'editor', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const LINK_PURPOSES = ['setup', 'demo', 'invitation', 'share', 'unsubscribe'] as const
export type LinkPurpose = (typeof LINK_PURPOSES)[number]

export interface PeopleTable {
  id: Generated<string>
  /** Lower-cased. */
  email: string
  name: string
  /** scrypt, see src/tenancy/people/password.ts for the format. */
  password_hash: string
  created_at: Generated<Date>
}

export interface MembershipsTable {
  person_id: string
  workspace_id: string
  role: Role
  created_at: Generated<Date>
}

export interface AccessLinksTable {
  id: Generated<string>
  purpose: LinkPurpose
  token_hash: string
  workspace_id: string | null
  role: Role | null
  /** demo: the person the link signs in as. */
  person_id: string | null
  /** share: the one topic a read-only visitor may see. */
  topic_id: string | null
  digest_id: string | null
  /** invitation: who it was meant for; unsubscribe: the address to remove. */
  email: string | null
  created_at: Generated<Date>
  expires_at: Date
  used_at: Date | null
  revoked_at: Date | null
}
export type AccessLinkRow = Selectable<AccessLinksTable>

export interface WebSessionsTable {
  id: Generated<string>
  token_hash: string
  /** null for a visitor through a share link. */
  person_id: string | null
  workspace_id: string
  role: Role
  topic_id: string | null
  link_id: string | null
  csrf_token: string
  created_at: Generated<Date>
  expires_at: Date
  revoked_at: Date | null
}
