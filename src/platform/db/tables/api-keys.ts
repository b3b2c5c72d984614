import type { Generated, Insertable, Selectable } from 'kysely'

export const SCOPES = ['read', 'write', 'admin'] as const
export type Scope = (typeof SCOPES)[number]

export interface ApiKeysTable {
  id: Generated<string>
  workspace_id: string
  name: Generated<string>
  /** Public part of the key, used to find the row; the secret part is only stored hashed. */
  public_id: string
  secret_hash: string
  scopes: Scope[]
  created_at: Generated<Date>
  last_used_at: Date | null
  revoked_at: Date | null
}
export type ApiKeyRow = Selectable<ApiKeysTable>
export type NewApiKey = Insertable<ApiKeysTable>
