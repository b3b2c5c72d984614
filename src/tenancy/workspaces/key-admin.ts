import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { DB } from '../../platform/db/schema.ts'
import { SCOPES, type Scope } from '../../platform/db/tables/api-keys.ts'
import { createApiKey } from './service.ts'
import { isUuid } from '../../platform/shared/ids.ts'
import { verifiedKeys } from './key-cache.ts'

export const apiKeySchema = z
  .object({
    id: z.string(), name: z.string(), scopes: z.array(z.enum(SCOPES)), createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(), revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' })
const KEY_EXAMPLE = { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', name: 'CRM export', scopes: ['read'], createdAt: '2026-12-07T09:00:00.000Z', lastUsedAt: null, revokedAt: null }
export const apiKeyPageSchema = z.object({ items: z.array(apiKeySchema) }).meta({ id: 'ApiKeyList', example: { items: [KEY_EXAMPLE] } })
export const createdApiKeySchema = apiKeySchema
  .extend({ key: z.string().describe('The key itself: shown this once, never again') })
  .meta({ id: 'CreatedApiKey', example: { ...KEY_EXAMPLE, key: 'rls_0123456789abcdef_kq3H0x1c9gYtV2bV8nHq1z0mJrYt5sQeA1b2C3d4E5f' } })
export const apiKeyInputSchema = z.strictObject({ name: z.string().trim().max(200).default(''), scopes: z.array(z.enum(SCOPES)).min(1).max(3) })
type ApiKeyDto = z.infer<typeof apiKeySchema>

/** Keys for machines, managed by a workspace's admins over the API and in the web app. */
export function createKeyAdmin({ db }: { db: Kysely<DB> }) {
  const toDto = (r: { id: string; name: string; scopes: Scope[]; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }): ApiKeyDto => ({
    id: r.id, name: r.name, scopes: r.scopes, createdAt: r.created_at.toISOString(), lastUsedAt: r.last_used_at?.toISOString() ?? null, revokedAt: r.revoked_at?.toISOString() ?? null,
  })
  const columns = ['id', 'name', 'scopes', 'created_at', 'last_used_at', 'revoked_at'] as const
  return {
    async list(workspaceId: string): Promise<ApiKeyDto[]> {
      const rows = await db.selectFrom('api_keys').select(columns).where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').limit(500).execute()
      return rows.map(toDto)
    },
    async create(workspaceId: string, name: string, scopes: Scope[]): Promise<ApiKeyDto & { key: string }> {
      const created = await createApiKey(db, workspaceId, [...new Set(scopes)], name)
      const row = await db.selectFrom('api_keys').select(columns).where('id', '=', created.id).executeTakeFirstOrThrow()
      return { ...toDto(row), key: created.key }
    },
    /** false when the workspace has no such active key. */
    async revoke(workspaceId: string, id: string): Promise<boolean> {
      if (!isUuid(id)) return false
      const revoked = await db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', id).where('workspace_id', '=', workspaceId).where('revoked_at', 'is', null).returning('public_id').execute()
      for (const row of revoked) verifiedKeys.forget(row.public_id)
      return revoked.length > 0
    },
  }
}
export type KeyAdmin = ReturnType<typeof createKeyAdmin>
